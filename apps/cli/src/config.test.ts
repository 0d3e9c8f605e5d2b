import { describe, expect, it } from 'vitest';
import { describeDatabase, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data, 127.0.0.1:3000, demo on, Vietnamese', () => {
    expect(loadConfig({}, '/srv/app')).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        databaseUrl: 'sqlite:./data/chitieu.db',
        database: { dialect: 'sqlite', path: '/srv/app/data/chitieu.db' },
        demo: true,
        lang: 'vi',
        trustProxy: false,
        tokenMaxDays: 365,
        limits: { anonymousReportsPerMinute: 10, pdfQueue: 4 },
      },
    });
  });

  it('reads the limits on costly anonymous work, and refuses what is not a sane limit', () => {
    expect(loadConfig({ CHITIEU_ANON_REPORTS_PER_MINUTE: '3', CHITIEU_PDF_QUEUE: '2' }, '/')).toMatchObject({
      ok: true,
      config: { limits: { anonymousReportsPerMinute: 3, pdfQueue: 2 } },
    });
    expect(
      loadConfig({ CHITIEU_ANON_REPORTS_PER_MINUTE: '0', CHITIEU_PDF_QUEUE: '101', CHITIEU_LANG: 'en' }),
    ).toEqual({
      ok: false,
      lang: 'en',
      message:
        'CHITIEU_ANON_REPORTS_PER_MINUTE="0" is not valid: must be a whole number from 1 to 10000 (reports per minute for one address not signed in); CHITIEU_PDF_QUEUE="101" is not valid: must be a whole number from 1 to 100 (LibreOffice PDF conversions running or waiting)',
    });
  });

  it('reads every variable, treating empty ones as unset', () => {
    const r = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u@db:5432/c',
        CHITIEU_DEMO: '0',
        CHITIEU_LANG: '',
      },
      '/',
    );
    expect(r).toMatchObject({
      ok: true,
      config: { port: 8080, host: '0.0.0.0', demo: false, lang: 'vi', database: { dialect: 'postgres' } },
    });
  });

  it('describes every bad value on one line, in the chosen language', () => {
    expect(loadConfig({ PORT: '-1', CHITIEU_DEMO: 'yes', CHITIEU_LANG: 'en' })).toEqual({
      ok: false,
      lang: 'en',
      message:
        'PORT="-1" is not valid: must be a whole number from 0 to 65535; CHITIEU_DEMO="yes" is not valid: must be 1 (load the demo plan into an empty database) or 0',
    });
    expect(loadConfig({ HOST: 'a b', DATABASE_URL: 'sqlite:' })).toEqual({
      ok: false,
      lang: 'vi',
      message:
        'HOST="a b" không hợp lệ: phải là tên máy hoặc địa chỉ IP, không có khoảng trắng; DATABASE_URL="sqlite:" không hợp lệ: thiếu đường dẫn tệp sau sqlite:',
    });
  });
});

describe('describeDatabase', () => {
  it('never shows a password', () => {
    expect(
      describeDatabase({
        dialect: 'postgres',
        connectionString: 'postgres://u:secret@db:5432/x',
        schema: 'public',
      }),
    ).toBe('PostgreSQL db:5432/x');
    expect(describeDatabase({ dialect: 'postgres', connectionString: 'postgres://db/x', schema: 's1' })).toBe(
      'PostgreSQL db/x (schema s1)',
    );
  });
});
