/**
 * The mail app as production runs it (same module, same start-up path), plus two bench hooks over
 * IPC: a bare socket.io broadcast (the fan-out floor) and the process's own memory. Built by
 * `nest build mail-bench` into plain JavaScript, so the memory measured is the server's, not a
 * TypeScript compiler's.
 */
import type { AddressInfo } from 'node:net';
import { startApp } from '@app/bootstrap/start-app';
import { MailAppModule } from '../src/mail-app.module';
import { RealtimeGateway } from '../src/realtime/realtime.gateway';
import { userRoom } from '../src/realtime/realtime.contract';
import { BARE_EVENT, type FromServer, type ToServer } from './fanout-protocol';

const reply = (m: FromServer) => process.send?.(m);

void startApp({
  title: 'skolas-pasts mail (bench)',
  module: (config) => MailAppModule.forRoot({ config }),
  defaultPort: 0,
  migrate: () => false,
  demo: () => false,
}).then((app) => {
  const io = app.get(RealtimeGateway).server;
  process.on('message', (m: ToServer) => {
    if (m.type === 'bare') io.to(m.userIds.map(userRoom)).emit(BARE_EVENT, { seq: m.seq, t: m.t });
    if (m.type === 'rss') {
      const mem = process.memoryUsage();
      reply({ type: 'rss', rssMb: mem.rss / 1048576, peakRssMb: process.resourceUsage().maxRSS / 1024, heapMb: mem.heapUsed / 1048576 });
    }
  });
  // The parent's IPC channel closing means the bench is over.
  process.on('disconnect', () => void app.close().finally(() => process.exit(0)));
  reply({ type: 'ready', port: (app.getHttpServer().address() as AddressInfo).port });
});
