// Jest reads `testTimeout` from the global configuration only, never from a project's, so the e2e
// and smoke projects set theirs here: a fresh app and a school of logged-in users (argon2 hashes)
// take longer than Jest's 5 s default on a busy machine.
jest.setTimeout(30_000);
