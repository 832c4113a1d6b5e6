import { AppConfig } from '../config/app-config';
import { SecretBox } from './secret-box';

const box = (hex: string) => new SecretBox({ secretsKey: Buffer.from(hex, 'hex') } as AppConfig);

describe('SecretBox', () => {
  it('round-trips, never shows the plain text, and refuses tampering or another key', () => {
    const a = box('11'.repeat(32));
    const sealed = a.seal('Kx7p-Qm4r-Zt9w');
    expect(sealed).not.toContain('Kx7p');
    expect(a.seal('Kx7p-Qm4r-Zt9w')).not.toBe(sealed); // fresh IV each time
    expect(a.open(sealed)).toBe('Kx7p-Qm4r-Zt9w');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => a.open(parts.join('.'))).toThrow();
    expect(() => box('22'.repeat(32)).open(sealed)).toThrow();
    expect(() => a.open('plain')).toThrow('not a sealed secret');
  });
});
