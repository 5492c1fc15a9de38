/**
 * Replace each `graphql(`…`)` call with an import of the document that codegen already
 * generated in src/gql/graphql.ts (what the client preset's Babel plugin does, without
 * Babel). Otherwise the bundle carries every operation three times: the source string,
 * the lookup table in src/gql/gql.ts, and the parsed document.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const IMPORT = /^import \{ graphql \} from '[./]+\/gql';\n/m;
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;

export function generatedDocumentName(source: string): string {
  const match = DEFINITION.exec(source);
  if (!match) throw new Error(`GraphQL document without a name: ${source.trim().slice(0, 60)}`);
  return match[1] === 'fragment' ? `${match[2]}FragmentDoc` : `${match[2]}Document`;
}

export function replaceGraphqlCalls(code: string, generated: string): string | null {
  if (!code.includes('graphql(`')) return null;
  const names = new Set<string>();
  const replaced = code.replace(IMPORT, '').replace(CALL, (_call, source: string) => {
    const name = generatedDocumentName(source);
    names.add(name);
    return `__gql_${name}`;
  });
  const specifiers = [...names].map((name) => `${name} as __gql_${name}`).join(', ');
  return `import { ${specifiers} } from ${JSON.stringify(generated)};\n${replaced}`;
}

export function graphqlDocuments(): Plugin {
  let generated = '';
  return {
    name: 'piazza-graphql-documents',
    enforce: 'pre',
    configResolved(config) {
      generated = resolve(config.root, 'src/gql/graphql.ts');
    },
    transform(code, id) {
      if (!/\/src\/.+\.tsx?$/.test(id) || id.includes('/src/gql/')) return null;
      const replaced = replaceGraphqlCalls(code, generated);
      return replaced === null ? null : { code: replaced, map: null };
    },
  };
}
