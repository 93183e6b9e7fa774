/** The archive and backup commands: archive, archives, attach, detach, backup, restore. */
import { basename, resolve } from 'node:path';
import type { ArchiveList, ArchiveResult } from '../../shared/archives-types.js';
import { formatNumber } from '../../shared/format.js';
import type { CallInput, CallName, CallOutput, EngineEvent } from '../../shared/contract.js';
import type { EngineClient } from '../engine/client.js';
import { UsageError, type CliArgs } from './args.js';
import { withProgress, type ProgressIo } from './progress.js';

type Call = <N extends CallName>(engine: EngineClient, name: N, input: CallInput<N>) => Promise<CallOutput<N>>;
type Out = (value: unknown, human: () => string) => void;

function printArchives(list: ArchiveList): string {
  if (list.files.length === 0) return `Aucune archive (dossier : ${list.folder}).`;
  const lines = list.files.map((f) => {
    const seasons = f.seasons.map((s) => s.label).join(', ');
    const tickets = f.seasons.reduce((sum, s) => sum + s.tickets, 0);
    const state = f.problem ? `non attachée : ${f.problem}` : f.attached ? 'attachée' : 'détachée';
    return `  ${f.path}\n    saisons ${seasons} — ${formatNumber(tickets)} lignes de billets — ${state}${f.readOnly ? ' (lecture seule)' : ''}`;
  });
  return [`${list.attachedCount} archive(s) attachée(s) sur ${list.maxAttached} possibles.`, ...lines].join('\n');
}

/** An archive named on the command line: a bare name is looked up in the archives folder, a path is taken as given. */
const archiveRef = (file: string) => (basename(file) === file ? file : resolve(file));

type Io = ProgressIo;

/** An archiving or a regrouping: « Archivage : 42 % ». */
const archiving = (args: CliArgs) => ({
  json: args.json,
  cancel: 'archives.cancel' as const,
  describe: (event: EngineEvent) => (event.type === 'archive.progress' ? { percent: Math.floor(event.progress.percent), text: `Archivage : ${Math.floor(event.progress.percent)} %` } : null),
});

function printMove(what: string, result: ArchiveResult): string {
  return [
    `${what} : ${result.file.path} (saisons ${result.file.seasons.map((s) => s.label).join(', ')}).`,
    `  ${formatNumber(result.moved.tickets)} billets, ${formatNumber(result.moved.orders)} commandes, ${formatNumber(result.moved.performances)} représentations, ${formatNumber(result.moved.shows)} spectacles retirés de la base principale`,
    `  Vérifié : ${formatNumber(result.verification.rowsChecked)} lignes, somme de contrôle ${result.verification.checksum.slice(0, 16)}…`,
    ...result.replacedFiles.map((f) => `  Remplace ${f} (mis de côté dans archives/remplacees/)`),
    `  Sauvegarde préalable : ${result.backupPath}`,
  ].join('\n');
}

export async function runArchiveCommand(args: CliArgs, engine: EngineClient, call: Call, out: Out, io: Io): Promise<void> {
  switch (args.command) {
    case 'archive': {
      if (args.seasons.length === 0) throw new UsageError('parterre archive attend au moins une --season SAISON (par exemple 2019-2020).');
      const result = await withProgress(engine, io, archiving(args), () =>
        call(engine, 'archives.archive', { seasons: args.seasons, ...(args.into ? { into: archiveRef(args.into) } : {}) }),
      );
      out(result, () => printMove(`Saisons ${args.seasons.join(', ')} archivées`, result));
      return;
    }
    case 'archives': {
      if (args.positionals[0] === 'merge') {
        const files = args.positionals.slice(1);
        if (files.length < 2) throw new UsageError('parterre archives merge attend au moins deux fichiers d’archive.');
        const result = await withProgress(engine, io, archiving(args), () => call(engine, 'archives.merge', { files: files.map(archiveRef) }));
        out(result, () => printMove('Archives regroupées', result));
        return;
      }
      if (args.positionals.length > 0) throw new UsageError(`parterre archives : action inconnue « ${args.positionals[0]} » (merge).`);
      const list = await call(engine, 'archives.list', {});
      out(list.files, () => printArchives(list));
      return;
    }
    case 'attach':
    case 'detach': {
      const [file] = args.positionals;
      if (!file || args.positionals.length !== 1) throw new UsageError(`parterre ${args.command} attend un fichier d’archive.`);
      // Named on the command line: the engine may read it (path-policy.ts).
      engine.grant([resolve(file)]);
      const list = await call(engine, args.command === 'attach' ? 'archives.attach' : 'archives.detach', { path: resolve(file) });
      out(list.files, () => printArchives(list));
      return;
    }
    case 'backup': {
      if (!args.out) throw new UsageError('parterre backup attend --out DOSSIER.');
      // The folder named on the command line is the user's chosen destination.
      engine.grant([resolve(args.out)], 'write');
      const result = await call(engine, 'backups.save', { out: resolve(args.out) });
      out(result, () => `Sauvegarde écrite dans ${result.folder} (${result.manifest.files.length} fichier(s), manifeste parterre-sauvegarde.json).`);
      return;
    }
    case 'restore': {
      const [folder] = args.positionals;
      if (!folder || args.positionals.length !== 1) throw new UsageError('parterre restore attend le dossier d’une sauvegarde.');
      engine.grant([resolve(folder)]);
      const result = await call(engine, 'backups.restore', { folder: resolve(folder) });
      out(result, () => `Sauvegarde restaurée depuis ${result.folder}. Les fichiers remplacés sont dans ${result.previousFilesBackup}.`);
      return;
    }
    default:
      throw new UsageError(`Commande inconnue : ${args.command}.`);
  }
}
