// Jest applies `testTimeout` only from the root config, not from a project's, so the end-to-end
// projects set theirs here: building a school and starting an app take seconds on a loaded machine.
jest.setTimeout(30000);
