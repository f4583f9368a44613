// @custom-elements-manifest/analyzer: custom-elements.json from the widgets' JSDoc
// (@summary, @attr, @event, @csspart, @cssproperty). scripts/manifest.ts runs it and
// renders the README's widget section from the result.

/** Widgets register with the core's define('tandem-x', Class) (it skips a second registration), not customElements.define. */
function tandemDefine() {
  return {
    name: 'tandem-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === element.text);
      if (!declaration) return;
      declaration.tagName = tag.text;
      declaration.customElement = true;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: element.text, module: moduleDoc.path },
        },
      ];
    },
  };
}

/**
 * Keeps what a page author uses: attributes with a description that are not Lit internal state (`state: true` in
 * `static properties`), named events, public members.
 */
function publicApiOnly() {
  const states = new Map();
  return {
    name: 'tandem-public-api',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = new Set();
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name?.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (p) =>
              ts.isPropertyAssignment(p) &&
              p.name.getText() === 'state' &&
              p.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) names.add(property.name.getText());
        }
      }
      states.set(node.name.text, names);
    },
    packageLinkPhase({ customElementsManifest }) {
      // The analyzer reads files concurrently: a stable order keeps the file comparable.
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          const internal = states.get(d.name) ?? new Set();
          if (d.attributes)
            d.attributes = d.attributes.filter((a) => a.description && !internal.has(a.fieldName ?? a.name));
          if (d.events) d.events = d.events.filter((e) => e.name);
          if (d.members) {
            d.members = d.members.filter(
              (m) => m.privacy !== 'private' && !m.name.startsWith('#') && !internal.has(m.name),
            );
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/*/tandem-*.ts', 'src/core/tandem-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  // scripts/manifest.ts writes to a temporary folder; package.json names the committed file itself.
  packagejson: false,
  litelement: true,
  plugins: [tandemDefine(), publicApiOnly()],
};
