import { io, type Socket } from 'socket.io-client';
import { accessToken } from './api';

/**
 * One socket.io connection per signed-in tab, same origin, authenticated by the access token in the
 * handshake (the auth callback runs on every reconnect, so a refreshed token is picked up).
 */
export function connectLive(): Socket {
  return io({
    auth: (cb) => cb({ token: accessToken() ?? '' }),
    transports: ['websocket'],
  });
}
