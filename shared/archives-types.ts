/** Archives and backups, as the app and the command line see them (issue 13). */

export interface ArchiveSeasonInfo {
  seasonYear: number;
  label: string;
  tickets: number;
  orders: number;
  performances: number;
  shows: number;
}

export interface ArchiveFileInfo {
  id: number;
  /** Absolute path of the file. */
  path: string;
  /** The file's name, for display. */
  name: string;
  seasons: ArchiveSeasonInfo[];
  /** The user wants it in the figures (and it is, unless `problem` says why not). */
  attached: boolean;
  /** Opened from elsewhere (« Ouvrir une archive… »): Parterre never writes to it. */
  readOnly: boolean;
  /** Bytes on disk; null when the file is missing. */
  sizeBytes: number | null;
  createdAt: string;
  verifiedAt: string | null;
  /** The last verification's verdict (null: never verified). */
  verifiedOk: boolean | null;
  /** Why the file is not in the figures although attached (missing, damaged...), or null. */
  problem: string | null;
}

export interface ArchiveList {
  files: ArchiveFileInfo[];
  /** How many files SQLite can attach at once in this build (10). */
  maxAttached: number;
  attachedCount: number;
  /** The folder where archives are written. */
  folder: string;
}

export interface ArchiveResult {
  file: ArchiveFileInfo;
  /** Rows moved out of the main file, and copied customers and tariffs. */
  moved: { tickets: number; orders: number; performances: number; shows: number; customers: number; tariffs: number };
  /** The automatic backup made before the move. */
  backupPath: string;
  durationMs: number;
  verification: { rowsChecked: number; checksum: string };
  /** Archive files the new one took over (« Ajouter à une archive », « Regrouper »), now in `archives/remplacees/`. */
  replacedFiles: string[];
  /** Where those files now are (`archives/remplacees/`); null when none was replaced. */
  replacedFolder: string | null;
}

export interface ArchiveVerification {
  path: string;
  ok: boolean;
  /** What was checked, one line each, and what failed. */
  checks: { label: string; ok: boolean; detail?: string }[];
  verifiedAt: string;
}

export interface ArchiveProgress {
  archiveId: string;
  phase: 'backup' | 'copy' | 'verify' | 'clean' | 'indicators' | 'done';
  /** 0..100. */
  percent: number;
  /** Ticket rows copied so far. */
  rows: number;
  totalRows: number;
}

export interface BackupManifestFile {
  /** Relative to the backup folder. */
  path: string;
  bytes: number;
  sha256: string;
  role: 'main' | 'archive';
}

export interface BackupManifest {
  app: 'parterre';
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  files: BackupManifestFile[];
}

export interface BackupResult {
  folder: string;
  manifest: BackupManifest;
}

export interface RestoreResult {
  folder: string;
  /** Where the files replaced by the restore were put first. */
  previousFilesBackup: string;
  archives: number;
}
