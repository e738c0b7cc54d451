/**
 * The layer rules of the house (see README, Architecture):
 * domain is pure and imports only domain; lib holds pure pieces shared by server and components
 * and imports only domain and lib; server never reaches up into components or app; components
 * never import a route or the server; and nothing imports itself in a circle, type-only imports
 * included.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A circle (type-only imports count) means two modules are one; move the shared part out.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-imports-only-domain",
      severity: "error",
      comment: "src/domain is pure rules: npm packages and other domain modules only.",
      from: { path: "^src/domain/", pathNot: "\\.test\\.ts$" },
      to: { path: "^src/", pathNot: "^src/domain/" },
    },
    {
      name: "domain-tests-import-domain-and-messages",
      severity: "error",
      comment: "Domain tests may also read the message catalogues, to check every code has its text.",
      from: { path: "^src/domain/.+\\.test\\.ts$" },
      to: { path: "^src/", pathNot: "^src/(domain/|i18n/messages/)" },
    },
    {
      name: "lib-imports-only-domain-and-lib",
      severity: "error",
      comment: "src/lib is shared by server and components, so it may lean on domain and lib only.",
      from: { path: "^src/lib/" },
      to: { path: "^src/", pathNot: "^src/(domain|lib)/" },
    },
    {
      name: "server-not-to-ui",
      severity: "error",
      comment: "src/server runs without React: it never imports components or routes.",
      from: { path: "^src/server/" },
      to: { path: "^src/(components|app)/" },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment: "Components get server actions as props from the route's page, or live beside the route.",
      from: { path: "^src/components/" },
      to: { path: "^src/app/" },
    },
    {
      name: "components-not-to-server",
      severity: "error",
      comment: "Components run in the browser too: what they show comes as props typed in src/lib.",
      from: { path: "^src/components/" },
      to: { path: "^src/server/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|node_modules|drizzle|\\.data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
