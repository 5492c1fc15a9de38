# Shared helpers for scripts/run and scripts/test. Sourced, not executed.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on host:port.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Builds the web front end when its build is missing or older than its sources.
build_web() {
    command -v npm >/dev/null || die "npm is required to build the web front end (install Node.js 20 and npm)"
    if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
        say "installing web dependencies (npm ci)"
        (cd web && npm ci --no-audit --no-fund)
    fi
    if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/public -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
        say "building the web front end"
        (cd web && npm run build)
    fi
}
