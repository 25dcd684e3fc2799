import test from 'ava';
import { fileStoreFromEnv, s3SettingsFromEnv } from '../../../adapters/files/file-store-config.js';

const S3_ENV = { YUNZHOU_FILES: 's3', YUNZHOU_S3_BUCKET: 'crm', YUNZHOU_S3_ACCESS_KEY_ID: 'id', YUNZHOU_S3_SECRET_ACCESS_KEY: 'secret' };

test('without YUNZHOU_FILES files stay on local disk', (t) => {
  t.deepEqual(fileStoreFromEnv({}), { kind: 'local' });
  t.deepEqual(fileStoreFromEnv({ YUNZHOU_FILES: 'pg' }), { kind: 'pg' });
});

test('s3 takes its settings from YUNZHOU_S3_*, with AWS-style defaults', (t) => {
  t.deepEqual(fileStoreFromEnv(S3_ENV), {
    kind: 's3', endpoint: undefined, region: 'us-east-1', bucket: 'crm', accessKeyId: 'id', secretAccessKey: 'secret', forcePathStyle: false, prefix: undefined,
  });
  t.like(fileStoreFromEnv({ ...S3_ENV, YUNZHOU_S3_ENDPOINT: 'http://127.0.0.1:9000', YUNZHOU_S3_REGION: 'oss-cn-hangzhou', YUNZHOU_S3_FORCE_PATH_STYLE: 'true', YUNZHOU_S3_PREFIX: 'y/' }), {
    endpoint: 'http://127.0.0.1:9000', region: 'oss-cn-hangzhou', forcePathStyle: true, prefix: 'y/',
  });
});

test('a missing S3 setting or an unknown store is an error naming it', (t) => {
  t.throws(() => s3SettingsFromEnv({ YUNZHOU_S3_BUCKET: 'crm' }), { message: /YUNZHOU_S3_ACCESS_KEY_ID, YUNZHOU_S3_SECRET_ACCESS_KEY/ });
  t.throws(() => fileStoreFromEnv({ YUNZHOU_FILES: 'ftp' }), { message: /local, s3, pg, not "ftp"/ });
});
