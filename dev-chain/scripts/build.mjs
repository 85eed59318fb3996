#!/usr/bin/env node
// Installs the pinned npm tools (anvil, solcjs, OpenZeppelin) and compiles the demo
// contracts into target/classes/contracts/<Name>.json ({abi, bytecode}).
// Maven runs this in generate-resources; it is a no-op when nothing changed, so
// incremental builds stay fast and work offline once node_modules is in place.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const modules = join(root, 'node_modules');
// npm writes this "hidden lockfile" last, so its age tells whether the install finished
// after the last change to package-lock.json.
const installedLock = join(modules, '.package-lock.json');
const anvil = join(modules, '@foundry-rs/anvil-linux-amd64/bin/anvil');
const sourceDir = join(root, 'src/main/solidity');
const outDir = join(root, 'target/classes/contracts');
const force = process.argv.includes('--force');

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);

function installIfStale() {
  const stale = !existsSync(installedLock) || !existsSync(anvil) || mtime(lockFile) > mtime(installedLock);
  if (!stale && !force) return;
  console.log('[dev-chain] npm ci (node_modules missing or older than package-lock.json)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

function compileIfStale() {
  const sources = readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort();
  const outputs = sources.map((f) => join(outDir, f.replace(/\.sol$/, '.json')));
  // Inputs include this script and the lock file: a new solc or OpenZeppelin means new bytecode.
  const newestInput = Math.max(...sources.map((f) => mtime(join(sourceDir, f))), mtime(lockFile),
    mtime(fileURLToPath(import.meta.url)));
  const oldestOutput = Math.min(...outputs.map(mtime));
  if (!force && oldestOutput > newestInput) {
    console.log(`[dev-chain] contracts up to date (${sources.length})`);
    return;
  }
  // solc is CommonJS and ships its wasm compiler: no download, works offline.
  const solc = createRequire(import.meta.url)(join(modules, 'solc'));
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(sources.map((f) => [f, { content: readFileSync(join(sourceDir, f), 'utf8') }])),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      // Cancun runs on anvil's default hardfork and on every current public chain.
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const findImports = (path) => {
    for (const base of [modules, sourceDir]) {
      const file = join(base, path);
      if (existsSync(file)) return { contents: readFileSync(file, 'utf8') };
    }
    return { error: `not found in node_modules or src/main/solidity: ${path}` };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const problems = output.errors ?? [];
  problems.filter((e) => e.severity !== 'error').forEach((e) => console.warn(e.formattedMessage));
  const errors = problems.filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    errors.forEach((e) => console.error(e.formattedMessage));
    throw new Error(`solc: ${errors.length} error(s)`);
  }
  mkdirSync(outDir, { recursive: true });
  for (const file of sources) {
    const name = file.replace(/\.sol$/, '');
    const contract = output.contracts[file]?.[name];
    if (!contract) throw new Error(`${file} must define a contract named ${name}`);
    const json = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
    writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  }
  console.log(`[dev-chain] compiled ${sources.join(', ')} with solc ${solc.version()} -> ${outDir}`);
}

installIfStale();
compileIfStale();
