/** Which database the app has open: the venue's own, or the separate demonstration one. */

export type DatabaseKind = 'own' | 'demo';

export interface DatabaseInfo {
  kind: DatabaseKind;
  /** The open file. */
  path: string;
  /** Its size on disk (with its write-ahead log), in bytes. */
  bytes: number;
  /** The venue's own database, reopened when the demonstration is left. */
  ownPath: string;
  /** Where the demonstration database lives. */
  demoPath: string;
  /** Where `database.empty` writes its backup. */
  backupsDir: string;
  counts: { customers: number; tickets: number; orders: number; performances: number; shows: number; tariffs: number; imports: number };
}
