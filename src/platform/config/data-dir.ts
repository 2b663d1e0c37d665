import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Which folder the embedded PostgreSQL uses. Run as root, thads hands PostgreSQL to the `postgres` system
 * user, which must be able to traverse every folder above the data folder. A checkout in a home folder or
 * a `mktemp -d` (mode 700) cannot keep its data in the default `./data` then; rather than stop, thads
 * keeps it in a folder of its own under /var/lib/thads, named after the checkout, so that every start and
 * every `thads` command run from that checkout finds the same one. An explicit THADS_DATA_DIR is never
 * replaced: a person chose it, and is told what is wrong with it.
 *
 * Pure: the facts (who runs, what the folders allow, where a cluster already is) are gathered by
 * db/embedded-postgres.ts.
 */
export const FALLBACK_DATA_ROOT = '/var/lib/thads';

/** A folder on the way to the data folder that the `postgres` user cannot pass, and its mode. */
export interface BlockedFolder {
  readonly dir: string;
  readonly mode: number;
}

export interface DataDirFacts {
  readonly isRoot: boolean;
  /** THADS_DATA_DIR was set (else `configured` is the default `./data`). */
  readonly explicit: boolean;
  /** The configured folder, absolute (its real path). */
  readonly configured: string;
  /** The first folder on the way to `configured` that the `postgres` user cannot traverse, if any. */
  readonly blocked: BlockedFolder | null;
  /** `configured` already holds a cluster (pg/PG_VERSION). */
  readonly configuredHasCluster: boolean;
  /** fallbackDataDir(configured). */
  readonly fallback: string;
  /** `fallback` already holds a cluster. */
  readonly fallbackHasCluster: boolean;
}

export type DataDirChoice =
  | { readonly use: 'configured'; readonly dir: string }
  /**
   * The default cannot be used: `blocked` is in the way (`unreachable`), or was, when the data was put in
   * the fallback folder by an earlier start (`earlier`: the data stays where it is once it exists).
   */
  | { readonly use: 'fallback'; readonly dir: string; readonly because: 'unreachable' | 'earlier'; readonly blocked: BlockedFolder | null }
  /** Nothing is replaced: an explicit folder, or a default that already holds a cluster the postgres user cannot reach. */
  | { readonly use: 'refuse'; readonly dir: string; readonly because: 'explicit' | 'has-cluster'; readonly blocked: BlockedFolder };

export function chooseDataDir(f: DataDirFacts): DataDirChoice {
  const configured = { use: 'configured', dir: f.configured } as const;
  if (!f.isRoot) return configured;
  if (f.explicit) return f.blocked ? { use: 'refuse', dir: f.configured, because: 'explicit', blocked: f.blocked } : configured;
  // The default ./data. Data already there is never left behind for an empty cluster elsewhere.
  if (f.configuredHasCluster) return f.blocked ? { use: 'refuse', dir: f.configured, because: 'has-cluster', blocked: f.blocked } : configured;
  if (f.blocked) return { use: 'fallback', dir: f.fallback, because: 'unreachable', blocked: f.blocked };
  // The checkout became reachable (chmod o+x) after its data went to the fallback folder: keep using it.
  if (f.fallbackHasCluster) return { use: 'fallback', dir: f.fallback, because: 'earlier', blocked: null };
  return configured;
}

/**
 * The fallback folder of a default data folder: /var/lib/thads/<checkout folder's name>-<10 hex digits of
 * the SHA-256 of the data folder's real path>. The same for every start from that checkout; another
 * checkout of the same name gets another folder. Short enough for PostgreSQL's Unix socket inside it.
 */
export function fallbackDataDir(realDataDir: string): string {
  const folded = path.basename(path.dirname(realDataDir)).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');
  const name = folded.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40).replace(/^\.+/, '') || 'thads';
  const hash = createHash('sha256').update(realDataDir).digest('hex').slice(0, 10);
  return path.join(FALLBACK_DATA_ROOT, `${name}-${hash}`);
}

const mode = (m: number) => (m & 0o777).toString(8);

/** What a person sees when the fallback folder is used (log at every start; Vietnamese, then English). */
export function fallbackNotice(configured: string, choice: Extract<DataDirChoice, { use: 'fallback' }>): string {
  if (choice.because === 'earlier') {
    return (
      `Dữ liệu nằm ở ${choice.dir} (thư mục dự phòng của bản cài này, dùng từ khi ${configured} chưa dùng được; ${configured} không có dữ liệu).\n` +
      `The data is in ${choice.dir} (this checkout's fallback folder, used since ${configured} could not be; ${configured} holds none).`
    );
  }
  const b = choice.blocked!;
  return (
    `Thư mục dữ liệu mặc định ${configured} không dùng được: thads chạy bằng root nên PostgreSQL nhúng chạy dưới người dùng hệ thống "postgres", ` +
    `người dùng này không đi qua được ${b.dir} (quyền ${mode(b.mode)}). Dữ liệu được lưu ở ${choice.dir} (luôn là thư mục này cho bản cài này; ` +
    `đặt THADS_DATA_DIR để chọn nơi khác).\n` +
    `The default data folder ${configured} cannot be used: thads runs as root, so the embedded PostgreSQL runs as the "postgres" system user, ` +
    `which cannot traverse ${b.dir} (mode ${mode(b.mode)}). The data is kept in ${choice.dir} (always this folder for this checkout; ` +
    `set THADS_DATA_DIR to choose another).`
  );
}

/** The reason nothing is replaced: an explicit THADS_DATA_DIR, or ./data that already holds a cluster. */
export function refusalMessage(choice: Extract<DataDirChoice, { use: 'refuse' }>): string {
  const b = choice.blocked;
  const head =
    `Thư mục ${b.dir} không cho người dùng hệ thống "postgres" đi qua (quyền ${mode(b.mode)}); ` +
    `PostgreSQL nhúng chạy dưới người dùng đó khi thads chạy bằng root.`;
  if (choice.because === 'explicit') {
    return (
      `${head} Đặt THADS_DATA_DIR ở nơi khác (ví dụ /var/lib/thads) hoặc chmod o+x ${b.dir}.\n` +
      `The folder ${b.dir} cannot be traversed by the "postgres" system user (mode ${mode(b.mode)}), which runs the embedded PostgreSQL when ` +
      `thads runs as root: set THADS_DATA_DIR elsewhere (for example /var/lib/thads) or chmod o+x ${b.dir}.`
    );
  }
  return (
    `${head} Thư mục ${choice.dir} đã có dữ liệu nên không được thay bằng thư mục khác: chmod o+x ${b.dir}, hoặc chuyển thư mục dữ liệu ` +
    `đi nơi khác và đặt THADS_DATA_DIR.\n` +
    `The folder ${b.dir} cannot be traversed by the "postgres" system user (mode ${mode(b.mode)}), which runs the embedded PostgreSQL when ` +
    `thads runs as root; ${choice.dir} holds data, so no other folder replaces it: chmod o+x ${b.dir}, or move the data folder and set THADS_DATA_DIR.`
  );
}

/** The fallback folder could not be made (a read-only /var/lib, a closed /var/lib/thads): THADS_DATA_DIR is the way out. */
export function fallbackFailedMessage(configured: string, choice: Extract<DataDirChoice, { use: 'fallback' }>, problem: string): string {
  const b = choice.blocked;
  const vi = b ? `người dùng hệ thống "postgres" không đi qua được ${b.dir} (quyền ${mode(b.mode)}) trên đường tới ${configured}` : `dữ liệu đã ở đó`;
  const en = b ? `the "postgres" system user cannot traverse ${b.dir} (mode ${mode(b.mode)}) on the way to ${configured}` : `the data is there`;
  return (
    `Không dùng được thư mục dữ liệu dự phòng ${choice.dir} (${problem}); cần nó vì ${vi}. ` +
    `Đặt THADS_DATA_DIR là một thư mục người dùng "postgres" đi qua được.\n` +
    `The fallback data folder ${choice.dir} cannot be used (${problem}); it is needed because ${en}. ` +
    `Set THADS_DATA_DIR to a folder the "postgres" user can traverse.`
  );
}
