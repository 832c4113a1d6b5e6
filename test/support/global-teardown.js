require('./resolve-app-paths');
module.exports = require('./global-teardown.impl.ts').default;
