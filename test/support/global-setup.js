require('./resolve-app-paths');
module.exports = require('./global-setup.impl.ts').default;
