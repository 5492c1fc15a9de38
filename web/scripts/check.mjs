// `npm run check`: regenerate the GraphQL types, fail if they differ from the committed
// ones (someone changed a document or the schema without running codegen), then type-check.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const GENERATED = 'src/gql';

function snapshot() {
  if (!existsSync(GENERATED)) return new Map();
  return new Map(readdirSync(GENERATED).map((name) => [name, readFileSync(join(GENERATED, name), 'utf8')]));
}

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit' });
}

const before = snapshot();
run('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent']);
const after = snapshot();

const changed = [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
if (changed.length > 0) {
  console.error(`GraphQL codegen output was out of date: ${changed.map((n) => join(GENERATED, n)).join(', ')}.`);
  console.error('It has been regenerated; review and commit it.');
  process.exit(1);
}

run('npx', ['tsc', '--noEmit']);
console.log('check: generated GraphQL types are current; type-check passed.');
