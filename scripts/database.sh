# Sourced by scripts/backup and scripts/restore: reads the server's own settings (flags or REPLYBOOK_* variables)
# and finds the WAR. Sets DATA_DIR, JDBC_URL, ARGS (what is left), and PG* variables for a PostgreSQL URL.
read_database_settings() {
  DATA_DIR=${REPLYBOOK_DATA_DIR:-./data}
  JDBC_URL=${REPLYBOOK_JDBC_URL:-}
  ARGS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --data-dir) DATA_DIR=$2; shift 2 ;;
      --data-dir=*) DATA_DIR=${1#*=}; shift ;;
      --jdbc-url) JDBC_URL=$2; shift 2 ;;
      --jdbc-url=*) JDBC_URL=${1#*=}; shift ;;
      --jdbc-user) REPLYBOOK_JDBC_USER=$2; shift 2 ;;
      *) ARGS+=("$1"); shift ;;
    esac
  done
  if [ -n "$JDBC_URL" ]; then
    case "$JDBC_URL" in
      jdbc:postgresql://*) PG_URI=${JDBC_URL#jdbc:} ;;
      jdbc:postgresql:*) PG_URI="postgresql:///${JDBC_URL#jdbc:postgresql:}" ;;
      jdbc:sqlite:*) echo "$0: for SQLite give the server's --data-dir instead of --jdbc-url" >&2; exit 2 ;;
      *) echo "$0: unsupported --jdbc-url $JDBC_URL" >&2; exit 2 ;;
    esac
    [ -n "${REPLYBOOK_JDBC_USER:-}" ] && export PGUSER=$REPLYBOOK_JDBC_USER
    [ -n "${REPLYBOOK_JDBC_PASSWORD:-}" ] && export PGPASSWORD=$REPLYBOOK_JDBC_PASSWORD
  fi
  return 0
}

# The WAR to run `backup`/`restore` with: REPLYBOOK_WAR, or the one this checkout built.
find_war() {
  local war=${REPLYBOOK_WAR:-$(dirname "${BASH_SOURCE[0]}")/../kb-server/target/kb-server.war}
  [ -f "$war" ] || { echo "$0: no WAR at $war: build it (./mvnw -DskipTests package) or set REPLYBOOK_WAR" >&2; return 1; }
  echo "$war"
}
