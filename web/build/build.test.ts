// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { generatedDocumentName, replaceGraphqlCalls } from './graphqlDocuments';

describe('graphqlDocuments', () => {
  test('names the generated constant after the first definition', () => {
    expect(generatedDocumentName('query Me { me { id } }')).toBe('MeDocument');
    expect(generatedDocumentName('\n  mutation SignIn($e: String!) { x }')).toBe('SignInDocument');
    expect(generatedDocumentName('fragment Viewer on User { id }')).toBe('ViewerFragmentDoc');
    expect(() => generatedDocumentName('{ me { id } }')).toThrow(/without a name/);
  });

  test('replaces calls with imports of the generated documents and drops the lookup import', () => {
    const code =
      "import { graphql } from '../../gql';\nconst A = graphql(`\n  query A { a }\n`);\nconst B = graphql(`mutation B { b }`);\n";
    const out = replaceGraphqlCalls(code, '/app/src/gql/graphql.ts')!;
    expect(out).toMatch(/^import \{ ADocument as __gql_ADocument, BDocument as __gql_BDocument \} from "\/app\/src\/gql\/graphql\.ts";/);
    expect(out).toContain('const A = __gql_ADocument;');
    expect(out).toContain('const B = __gql_BDocument;');
    expect(out).not.toContain("from '../../gql'");
  });

  test('leaves files without documents alone', () => {
    expect(replaceGraphqlCalls('export const x = 1;', '/app/src/gql/graphql.ts')).toBeNull();
  });
});
