import { join } from 'node:path';
import { ensureRedis } from '@app/bootstrap/local-services';
import { startApp } from '@app/bootstrap/start-app';
import { EmbeddedModule } from './embedded.module';

void startApp({
  title: 'skolas-pasts',
  module: (config) => EmbeddedModule.forRoot({ config }),
  defaultPort: 3000,
  migrate: () => true,
  demo: (config) => config.env.DEMO_DATA !== false,
  prepare: async (config) => {
    const redis = await ensureRedis(config.env.REDIS_URL, join(config.env.DATA_DIR, 'redis'), { persist: true });
    if (redis.child) {
      console.log(`No Redis at ${config.env.REDIS_URL}; started a private redis-server at ${redis.url} (data in ${config.env.DATA_DIR}/redis)`);
      process.env.REDIS_URL = redis.url;
      const stop = () => redis.child?.kill();
      process.once('exit', stop);
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => (stop(), process.exit(0)));
    }
  },
});
