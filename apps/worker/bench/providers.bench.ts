/**
 * The floor under `bench:notify`: the same 10,000 notifications (half e-mail, half SMS) handed
 * straight to the worker's real senders (SmtpMailSender over nodemailer's pool, TwilioSmsSender over
 * the `twilio` package), 200 at a time as the worker runs them, with no database, queue, composer
 * or outbox. The local SMTP and Twilio-speaking servers are the ones bench:notify uses, in this
 * process; the senders run in a child process, so each side's CPU is its own.
 *
 * bench:notify can be no faster than this on the same machine, and its servers' share of the CPU
 * is here too: the throughput target of bench:notify has to fit beside both.
 * Last line: {"bench":"providers","per_s":N,"sender_cpu_ms_per_notification":N,"servers_cpu_ms_per_notification":N}
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { loadConfig } from '@app/platform/config/load-config';
import { SystemClock } from '@app/platform/time/clock';
import { round1, runBench } from '../../mail/bench/bench-server';
import { providerEnv } from '../../../test/support/provider-env';
import { TestSmtpServer } from '../../../test/support/smtp-server';
import { TwilioServer } from '../../../test/support/twilio-server';
import { SmtpMailSender } from '../src/senders/smtp-mail.sender';
import { TwilioSmsSender, twilioSettings } from '../src/senders/twilio-sms.sender';

const TOTAL = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000);
const IN_FLIGHT = 200; // the worker's job concurrency
const SID = `AC${randomBytes(16).toString('hex')}`;
const TOKEN = randomBytes(16).toString('hex');

const round2 = (x: number) => Math.round(x * 100) / 100;

type ChildResult = { type: 'done'; cpuMs: number; wallMs: number; failures: number };

if (process.argv[2] === 'senders') void senders();
else
  runBench(async (onCleanup) => {
    let accepted = 0;
    const smtp = await TestSmtpServer.start({ onAccepted: () => accepted++ });
    const twilio = await TwilioServer.start({ accountSid: SID, authToken: TOKEN, onAccepted: () => accepted++ });
    onCleanup(() => Promise.all([smtp.close(), twilio.close()]).then(() => undefined));
    const env = { ...process.env, ...providerEnv(smtp, twilio, { accountSid: SID, authToken: TOKEN }), SMS_RATE_PER_SECOND: '0' };
    const cpu0 = process.cpuUsage();
    const child = fork(__filename, ['senders'], { execArgv: ['-r', '@swc-node/register', ...(process.env.BENCH_SENDER_NODE_ARGS ?? '').split(' ').filter(Boolean)], env });
    const result = await new Promise<ChildResult>((resolve, reject) => {
      child.once('message', (m: ChildResult) => resolve(m));
      child.once('exit', (code) => reject(new Error(`senders exited with ${code}`)));
    });
    const cpu = process.cpuUsage(cpu0);
    const serversMs = (cpu.user + cpu.system) / 1000;
    const perS = Math.round(TOTAL / (result.wallMs / 1000));
    console.log(`${TOTAL} notifications (${TOTAL / 2} e-mail, ${TOTAL / 2} SMS), ${IN_FLIGHT} in flight: ${accepted} accepted, ${result.failures} failed, in ${round1(result.wallMs / 1000)} s`);
    console.log(`senders' process: ${round1(result.cpuMs / 1000)} s CPU; servers' process: ${round1(serversMs / 1000)} s CPU (load average ${loadavg().map(round1).join(' ')} on ${cpus().length} cores)`);
    console.log(
      JSON.stringify({
        bench: 'providers',
        per_s: perS,
        sender_cpu_ms_per_notification: round2(result.cpuMs / TOTAL),
        servers_cpu_ms_per_notification: round2(serversMs / TOTAL),
      }),
    );
    return accepted === TOTAL && result.failures === 0 ? 0 : 1;
  });

async function senders(): Promise<void> {
  const config = loadConfig(process.env);
  const clock = new SystemClock();
  const mail = new SmtpMailSender(config, clock);
  const sms = new TwilioSmsSender(twilioSettings(config)!);
  let next = 0;
  let failures = 0;
  const one = async (i: number) => {
    const deliveryId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    try {
      if (i % 2)
        await mail.send({
          deliveryId,
          to: `g${i}@bench.example.lv`,
          subject: `Skola slēgta ${i}`,
          text: 'Rīt skola slēgta.\nAtvērt: https://pasts.example.lv/app/messages/x',
          html: '<p>Rīt skola slēgta.</p><p><a href="https://pasts.example.lv/app/messages/x">Atvērt</a></p>',
        });
      else await sms.send({ deliveryId, to: `+3712${String(i).padStart(7, '0')}`, body: `Skolas pasts: Skola slēgta ${i}. https://pasts.example.lv/m/x` });
    } catch {
      failures++;
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < TOTAL) await one(next++);
    }),
  );
  const wallMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await mail.close();
  process.send!({ type: 'done', cpuMs: (cpu.user + cpu.system) / 1000, wallMs, failures } satisfies ChildResult, () => process.exit(0));
}
