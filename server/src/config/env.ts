import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /** PostgreSQL schema (default: the server's search_path, normally public). */
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain lower-case identifier')
      .optional(),
    /** SQLite file; `:memory:` for throwaway tests. Defaults to DATA_DIR/meeting-room.sqlite. */
    SQLITE_PATH: z.string().min(1).optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    COOKIE_SECURE: bool.optional(),
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim().replace(/\/$/, ''))
          .filter(Boolean),
      )
      .pipe(z.array(z.url('each origin must be a URL such as https://phonghop.example.gov.vn'))),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    UPLOAD_MAX_MB: z.coerce.number().positive().max(4096).default(200),
    /** LibreOffice binary for Word/Excel/PowerPoint → PDF; a missing one gives a clear refusal, not a crash. */
    SOFFICE_PATH: z.string().min(1).default('soffice'),
    QPDF_PATH: z.string().min(1).default('qpdf'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(9),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    CLIENT_DIST: z.string().optional(),
    /** Seed the demo accounts on an empty database (never in production). */
    DEMO_SEED: bool.default(true),
    /** With the demo accounts, also a prepared and published demo meeting. */
    DEMO_MEETING: bool.default(true),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    /** The minutes' header (Nghị định 30/2020/NĐ-CP): cơ quan chủ quản ("-" for none), cơ quan ban hành, địa danh, ký hiệu. */
    MINUTES_ORG_PARENT: z.string().max(200).default('UBND TỈNH HẬU GIANG'),
    MINUTES_ORG_NAME: z.string().min(1).max(200).default('ỦY BAN NHÂN DÂN HUYỆN PHỤNG HIỆP'),
    MINUTES_PLACE: z.string().min(1).max(100).default('Phụng Hiệp'),
    MINUTES_DOC_SUFFIX: z.string().min(1).max(40).default('BB-UBND'),
    /** The PKCS#12 (.p12/.pfx) that signs approved minutes; without it a demo certificate is generated in DATA_DIR. */
    SIGNING_P12_PATH: z.string().min(1).optional(),
    SIGNING_P12_PASSPHRASE: z.string().optional(),
    NODE_NAME: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.ADMIN_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: 'is required when NODE_ENV=production (demo accounts are never created in production)',
      });
    }
  });

export type Env = z.output<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  filesDir: string;
  db: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string };
  redisUrl: string | undefined;
  sessionTtlMs: number;
  cookieSecure: boolean;
  allowedOrigins: string[];
  adminPassword: string | undefined;
  loginThrottle: { maxFailures: number; windowMs: number };
  uploadMaxBytes: number;
  tools: { soffice: string; qpdf: string };
  clientDist: string;
  demoSeed: boolean;
  demoMeeting: boolean;
  logLevel: Env['LOG_LEVEL'];
  nodeName: string;
  minutes: { parentOrg: string; org: string; place: string; docSuffix: string };
  /** p12Path undefined: the self-signed demo certificate (DATA_DIR/signing/). */
  signing: { p12Path: string | undefined; passphrase: string };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parse the environment once at boot; every problem is listed, not just the first. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const sqlitePath = e.SQLITE_PATH === ':memory:' ? ':memory:' : path.resolve(dataDir, e.SQLITE_PATH ?? 'meeting-room.sqlite');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    db: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA } : { kind: 'sqlite', path: sqlitePath },
    redisUrl: e.REDIS_URL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ?? false,
    allowedOrigins: e.ALLOWED_ORIGINS,
    adminPassword: e.ADMIN_PASSWORD,
    loginThrottle: { maxFailures: e.LOGIN_MAX_FAILURES, windowMs: e.LOGIN_WINDOW_SECONDS * 1000 },
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    tools: { soffice: e.SOFFICE_PATH, qpdf: e.QPDF_PATH },
    clientDist: path.resolve(cwd, e.CLIENT_DIST ?? 'client/dist'),
    demoSeed: e.NODE_ENV !== 'production' && e.DEMO_SEED,
    demoMeeting: e.NODE_ENV !== 'production' && e.DEMO_SEED && e.DEMO_MEETING,
    logLevel: e.LOG_LEVEL,
    nodeName: e.NODE_NAME ?? `node-${process.pid}`,
    minutes: {
      parentOrg: e.MINUTES_ORG_PARENT.trim() === '-' ? '' : e.MINUTES_ORG_PARENT.trim(),
      org: e.MINUTES_ORG_NAME.trim(),
      place: e.MINUTES_PLACE.trim(),
      docSuffix: e.MINUTES_DOC_SUFFIX.trim(),
    },
    signing: { p12Path: e.SIGNING_P12_PATH ? path.resolve(cwd, e.SIGNING_P12_PATH) : undefined, passphrase: e.SIGNING_P12_PASSPHRASE ?? '' },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
