#!/bin/sh
# Lets frontend-maven-plugin use this machine's Node.js instead of downloading one.
#
# Usage: link-system-node.sh <pinned node version, e.g. v20.20.2> <plugin's node directory>
#
# frontend-maven-plugin's install-node-and-npm (NodeInstaller / NPMInstaller) treats Node
# as installed when <dir>/node exists and `<dir>/node --version` prints exactly the pinned
# version; with npmVersion "provided" (its default) it then runs npm from
# <dir>/node_modules/npm/bin/npm-cli.js without checking npm further. So when the
# machine's node is exactly the pinned version, we symlink it and its npm package there.
# Anywhere else nothing is linked and the plugin downloads Node as usual.
#
# This script must never fail the build: every path ends in `exit 0`.

want="$1"
dir="$2"

log() { echo "[link-system-node] $*"; }

if [ -z "$want" ] || [ -z "$dir" ]; then
  log "usage: $0 <node version> <install directory>; nothing linked"
  exit 0
fi

# Links that no longer fit must go: if the plugin decided to install Node itself it
# would copy its files *through* our symlinks into the machine's own Node installation.
unlink_ours() {
  [ -L "$dir/node" ] && rm -f "$dir/node"
  [ -L "$dir/node_modules/npm" ] && rm -f "$dir/node_modules/npm"
  return 0
}

if [ -e "$dir/node" ] && [ ! -L "$dir/node" ]; then
  log "$dir/node was installed by the plugin; leaving it to the plugin"
  exit 0
fi

node_bin=$(command -v node 2>/dev/null)
if [ -z "$node_bin" ]; then
  unlink_ours
  log "no node on PATH; the plugin will download Node $want"
  exit 0
fi

have=$("$node_bin" --version 2>/dev/null)
if [ "$have" != "$want" ]; then
  unlink_ours
  log "node on PATH is ${have:-unknown}, not $want; the plugin will download Node $want"
  exit 0
fi

# The real executable, not a wrapper or a symlink (e.g. /usr/bin/node -> nodejs).
real_node=$("$node_bin" -p 'process.execPath' 2>/dev/null)
case "$real_node" in
  "$dir"/*|"")
    log "node on PATH is the plugin's own; nothing to link"
    exit 0
    ;;
esac

is_npm_package() {
  [ -f "$1/bin/npm-cli.js" ] && [ -f "$1/package.json" ]
}

# npm's package: next to node in the official layout (<prefix>/lib/node_modules/npm),
# else wherever the npm on PATH really lives (distribution packages put it elsewhere).
npm_dir=""
prefix=$(dirname "$(dirname "$real_node")")
if is_npm_package "$prefix/lib/node_modules/npm"; then
  npm_dir="$prefix/lib/node_modules/npm"
else
  npm_bin=$(command -v npm 2>/dev/null)
  if [ -n "$npm_bin" ]; then
    candidate=$("$node_bin" -p 'require("fs").realpathSync(process.argv[1])' "$npm_bin" 2>/dev/null)
    while [ -n "$candidate" ] && [ "$candidate" != "/" ]; do
      candidate=$(dirname "$candidate")
      if is_npm_package "$candidate"; then
        npm_dir="$candidate"
        break
      fi
    done
  fi
fi

if [ -z "$npm_dir" ]; then
  unlink_ours
  log "found node $have at $real_node but not its npm; the plugin will download Node $want"
  exit 0
fi

if [ -e "$dir/node_modules/npm" ] && [ ! -L "$dir/node_modules/npm" ]; then
  log "$dir/node_modules/npm was installed by the plugin; linking node only"
else
  mkdir -p "$dir/node_modules" 2>/dev/null &&
    ln -sfn "$npm_dir" "$dir/node_modules/npm" 2>/dev/null
fi
mkdir -p "$dir" 2>/dev/null && ln -sfn "$real_node" "$dir/node" 2>/dev/null

if [ "$("$dir/node" --version 2>/dev/null)" = "$want" ] && is_npm_package "$dir/node_modules/npm"; then
  log "linked node $have ($real_node) and npm ($npm_dir) into $dir"
else
  unlink_ours
  log "could not link node into $dir; the plugin will download Node $want"
fi
exit 0
