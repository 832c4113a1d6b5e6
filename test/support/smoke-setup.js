require('./resolve-app-paths');
module.exports = require('./smoke-setup.impl.ts').default;
