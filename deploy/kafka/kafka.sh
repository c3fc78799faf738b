#!/usr/bin/env bash
# Run a real single-node Apache Kafka 4.x broker (KRaft, broker+controller)
# on this machine, fetched only from Maven Central through `mvn`.
#
# Usage: deploy/kafka/kafka.sh fetch|start|stop|restart|clean|status|classpath|log|tool CLASS|NAME ARGS...
#
#   fetch      resolve org.apache.kafka:kafka_2.13:$KAFKA_VERSION + kafka-tools
#              + a log4j2 slf4j binding into $CACHE/kafka-$KAFKA_VERSION/libs
#              (does nothing when already fetched)
#   start      fetch if needed, write server.properties, format the log dir
#              once (random cluster id), start the broker in the background,
#              wait until it answers. Idempotent when already running.
#   stop       SIGTERM, wait up to 30 s, then SIGKILL. Data is kept.
#   restart    stop then start (data kept).
#   clean      stop and delete the state dir.
#   status     exit 0 when the broker is running.
#   classpath  print the broker classpath (all jars, ':'-joined) on stdout.
#   log        print the tail of the broker log.
#   tool CLASS|NAME ARGS...  run a Java main class with the broker jars, e.g.
#              tool org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list
#              NAME is a short name resolved to the class of this version:
#              topics, configs, storage, acls, consumer-groups, console-producer,
#              console-consumer, metadata-quorum, get-offsets. In 4.4.0:
#                topics   org.apache.kafka.tools.TopicCommand
#                configs  org.apache.kafka.tools.ConfigCommand (4.0.0: kafka.admin.ConfigCommand)
#                storage  kafka.tools.StorageTool
#                console-producer org.apache.kafka.tools.ConsoleProducer
#                console-consumer org.apache.kafka.tools.consumer.ConsoleConsumer
#
# Environment:
#   KAFKA_VERSION          default 4.4.0 (newest 4.x served; class files are Java 17)
#   NEWSWORKER_CACHE       default $HOME/.cache/newsworker (jars cache; Maven's own cache is ~/.m2)
#   KAFKA_STATE_DIR        default /tmp/newsworker-kafka (server.properties, data/, kafka.log, kafka.pid)
#   KAFKA_PORT             default 9092  (PLAINTEXT listener on 127.0.0.1)
#   KAFKA_CONTROLLER_PORT  default 9093  (CONTROLLER listener on 127.0.0.1)
#   KAFKA_AUTO_CREATE      default true  (auto.create.topics.enable)
#   KAFKA_EXTRA_PROPERTIES file appended to server.properties (later keys win)
#   KAFKA_JAVA_OPTS        extra JVM options for the broker (split on whitespace)
#   KAFKA_HEAP_OPTS        default "-Xms512m -Xmx512m"
#   KAFKA_FORMAT_ARGS      extra StorageTool format args, e.g.
#                          --add-scram SCRAM-SHA-256=[name=admin,password=admin-secret]
#   KAFKA_START_TIMEOUT    seconds to wait for readiness, default 90
#   KAFKA_TOOL_JAVA_OPTS   JVM options for `tool`, default "-Xmx256m"
#   KAFKA_LOG4J_VERSION    log4j2 version pinned with the slf4j binding, default 2.25.5
#   KAFKA_MVN_ARGS         extra arguments for mvn (e.g. -o, -Dmaven.repo.local=...)
#   JAVA_HOME / MVN        java and mvn to use
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-4.4.0}"
KAFKA_LOG4J_VERSION="${KAFKA_LOG4J_VERSION:-2.25.5}"
# Pinned so the build does not depend on Maven's built-in default (2.8).
DEPENDENCY_PLUGIN_VERSION="3.8.1"
CACHE_ROOT="${NEWSWORKER_CACHE:-${HOME:-/root}/.cache/newsworker}"
DIST_DIR="$CACHE_ROOT/kafka-$KAFKA_VERSION"
LIBS="$DIST_DIR/libs"
STATE_DIR="${KAFKA_STATE_DIR:-/tmp/newsworker-kafka}"
STATE_DIR="${STATE_DIR%/}"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
AUTO_CREATE="${KAFKA_AUTO_CREATE:-true}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms512m -Xmx512m}"
TOOL_JAVA_OPTS="${KAFKA_TOOL_JAVA_OPTS:--Xmx256m}"
MVN="${MVN:-mvn}"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

PID_FILE="$STATE_DIR/kafka.pid"
LOG_FILE="$STATE_DIR/kafka.log"
PROPS="$STATE_DIR/server.properties"
DATA_DIR="$STATE_DIR/data"
LOCK_FILE="$STATE_DIR.lock"   # beside the state dir, so `clean` can remove the dir

say() { echo "kafka.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

# ---------------------------------------------------------------- fetch

fetched() { [[ -f "$DIST_DIR/.fetched" && -f "$LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]]; }

do_fetch() {
  fetched && return 0
  mkdir -p "$DIST_DIR"
  exec 8>"$DIST_DIR/.lock"
  flock 8
  if fetched; then exec 8>&-; return 0; fi
  command -v "$MVN" >/dev/null || die "mvn not found"
  local t0=$SECONDS tmp
  tmp="$(mktemp -d "$DIST_DIR/fetch.XXXXXX")"
  cat >"$tmp/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>newsworker.local</groupId>
  <artifactId>kafka-broker-libs</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <!-- the broker (kafka.Kafka, kafka.tools.StorageTool) and its runtime deps -->
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <!-- command-line tools: TopicCommand, ConfigCommand, ConsoleProducer, ... -->
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version></dependency>
    <!-- logging: Kafka 4 logs through slf4j 1.7 -> log4j2 -->
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-api</artifactId><version>$KAFKA_LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$KAFKA_LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>$KAFKA_LOG4J_VERSION</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>$DEPENDENCY_PLUGIN_VERSION</version></plugin>
    </plugins>
  </build>
</project>
EOF
  say "fetching org.apache.kafka:kafka_2.13:$KAFKA_VERSION with mvn into $LIBS"
  local -a mvn_extra=()
  read -r -a mvn_extra <<<"${KAFKA_MVN_ARGS:-}"
  # Debian's mvn 3.8 prints bare ANSI resets even with -q -B: strip them.
  if ! (cd "$tmp" && "$MVN" -q -B "${mvn_extra[@]}" dependency:copy-dependencies \
          -DincludeScope=runtime -DoutputDirectory="$tmp/libs" 2>&1 | sed 's/\x1b\[0m//g' >&2); then
    rm -rf "$tmp"
    die "mvn could not resolve kafka_2.13:$KAFKA_VERSION (see the errors above)"
  fi
  [[ -f "$tmp/libs/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after mvn"; }
  rm -rf "$LIBS"
  mv "$tmp/libs" "$LIBS"
  rm -rf "$tmp"
  date -u +%FT%TZ >"$DIST_DIR/.fetched"
  local -a jars=("$LIBS"/*.jar)
  say "fetched ${#jars[@]} jars in $((SECONDS - t0)) s"
  exec 8>&-
}

classpath() { local IFS=:; local jars=("$LIBS"/*.jar); echo "${jars[*]}"; }

# Short tool names -> main classes. Candidates newest first: some tools moved
# from Scala (kafka.*) to Java (org.apache.kafka.tools.*) between 4.x releases,
# e.g. ConfigCommand is kafka.admin.ConfigCommand in 4.0.0 and
# org.apache.kafka.tools.ConfigCommand in 4.4.0.
tool_candidates() {
  case "$1" in
    storage|kafka-storage) echo org.apache.kafka.tools.StorageTool kafka.tools.StorageTool ;;
    topics|kafka-topics) echo org.apache.kafka.tools.TopicCommand kafka.admin.TopicCommand ;;
    configs|kafka-configs) echo org.apache.kafka.tools.ConfigCommand kafka.admin.ConfigCommand ;;
    acls|kafka-acls) echo org.apache.kafka.tools.AclCommand kafka.admin.AclCommand ;;
    consumer-groups|kafka-consumer-groups) echo org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    console-producer|kafka-console-producer) echo org.apache.kafka.tools.ConsoleProducer ;;
    console-consumer|kafka-console-consumer) echo org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    metadata-quorum|kafka-metadata-quorum) echo org.apache.kafka.tools.MetadataQuorumCommand ;;
    get-offsets|kafka-get-offsets) echo org.apache.kafka.tools.GetOffsetShell ;;
    *) return 1 ;;
  esac
}

# A jar's central directory stores entry names in plain text: grep finds classes.
class_exists() { grep -q -a -F "${1//.//}.class" "$LIBS"/*.jar 2>/dev/null; }

resolve_class() {
  local c cands
  cands="$(tool_candidates "$1")" || { echo "$1"; return 0; }
  for c in $cands; do class_exists "$c" && { echo "$c"; return 0; }; done
  die "no main class for tool '$1' in kafka $KAFKA_VERSION (tried: $cands)"
}

write_tools_log4j() {
  local f="$DIST_DIR/tools-log4j2.properties"
  [[ -f "$f" ]] || cat >"$f" <<'EOF'
status = error
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
EOF
  echo "$f"
}

run_tool() {
  [[ $# -ge 1 ]] || die "usage: kafka.sh tool CLASS [ARGS...]"
  do_fetch
  local cls; cls="$(resolve_class "$1")"; shift
  local conf; conf="$(write_tools_log4j)"
  local -a jopts=()
  read -r -a jopts <<<"$TOOL_JAVA_OPTS"
  exec "$JAVA" "${jopts[@]}" -Dlog4j2.configurationFile="$conf" -cp "$LIBS/*" "$cls" "$@"
}

# ---------------------------------------------------------------- process state

broker_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against pid reuse: the process must be our broker.
  # (grep -q reads a here-string, not a pipe: under pipefail an early exit
  # of grep would fail the writer with SIGPIPE.)
  local cmdline; cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  grep -q -F "$PROPS" <<<"$cmdline" || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Send a Kafka ApiVersions v0 request over bash /dev/tcp and check for
# error_code 0 in the reply: proves the broker processes requests.
api_versions_ok() {
  # shellcheck disable=SC2016  # the inner script expands its own variables
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    # size=12, api_key=18 (ApiVersions), version=0, correlation_id=1, client_id="nw"
    printf "\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x01\x00\x02nw" >&3
    # reply: int32 size, int32 correlation_id, int16 error_code
    hex="$(head -c 10 <&3 | od -An -tx1 | tr -d " \n")"
    [[ "$hex" == ????????00000001"0000" ]]
  ' _ "$1" 2>/dev/null
}

# Effective value of a key in server.properties (the last occurrence wins).
prop() { grep -E "^[[:space:]]*$1[[:space:]]*[=:]" "$PROPS" | tail -n 1 | sed -E 's/^[^=:]*[=:][[:space:]]*//'; }

wait_ready() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT)) probe=0
  # Only probe ApiVersions when the port still carries the PLAINTEXT listener
  # (KAFKA_EXTRA_PROPERTIES may replace it with SASL_SSL).
  if grep -q -E "(^|,)PLAINTEXT://(127\.0\.0\.1)?:$PORT(,|$)" <<<"$(prop listeners)"; then probe=1; fi
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "broker exited during startup; last lines of $LOG_FILE:"
      tail -n 60 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      return 1
    fi
    if grep -q 'Kafka Server started' "$LOG_FILE" 2>/dev/null && port_open "$PORT"; then
      if ((probe == 0)) || api_versions_ok "$PORT"; then return 0; fi
    fi
    sleep 0.5
  done
  say "broker not ready after ${START_TIMEOUT}s; last lines of $LOG_FILE:"
  tail -n 60 "$LOG_FILE" >&2 || true
  return 1
}

# ---------------------------------------------------------------- start / stop

write_config() {
  cat >"$PROPS" <<EOF
# Written by deploy/kafka/kafka.sh on every start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL
log.dirs=$DATA_DIR
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=$AUTO_CREATE
num.network.threads=2
num.io.threads=4
log.retention.hours=24
log.segment.bytes=104857600
EOF
  if [[ -n "${KAFKA_EXTRA_PROPERTIES:-}" ]]; then
    [[ -f "$KAFKA_EXTRA_PROPERTIES" ]] || die "KAFKA_EXTRA_PROPERTIES=$KAFKA_EXTRA_PROPERTIES: no such file"
    { echo; echo "# ---- appended from $KAFKA_EXTRA_PROPERTIES"; cat "$KAFKA_EXTRA_PROPERTIES"; echo; } >>"$PROPS"
  fi
  cat >"$STATE_DIR/log4j2.properties" <<'EOF'
status = error
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.target = SYSTEM_OUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = INFO
logger.cleaner.name = kafka.log.LogCleaner
logger.cleaner.level = WARN
EOF
}

format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  mkdir -p "$DATA_DIR"
  # Random cluster id: 16 random bytes, base64url without padding (what `random-uuid` prints).
  # Like Kafka's own Uuid.randomUuid, never one starting with "-": the
  # storage tool would read it as an option (1 start in 64 failed so).
  local cid="-"
  while [[ "$cid" == -* ]]; do
    cid="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  local cls; cls="$(resolve_class storage)"
  local conf; conf="$(write_tools_log4j)"
  local -a fargs=()
  read -r -a fargs <<<"${KAFKA_FORMAT_ARGS:-}"
  say "formatting $DATA_DIR (cluster id $cid)"
  if ! "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$conf" -cp "$LIBS/*" "$cls" \
        format -t "$cid" -c "$PROPS" "${fargs[@]}" >"$STATE_DIR/format.log" 2>&1; then
    cat "$STATE_DIR/format.log" >&2
    die "formatting the log dir failed"
  fi
}

do_start() {
  do_fetch
  mkdir -p "$STATE_DIR"
  exec 9>"$LOCK_FILE"
  flock 9
  local pid
  if pid="$(broker_pid)"; then
    say "already running (pid $pid)"
    wait_ready "$pid"
    exec 9>&-
    return 0
  fi
  if port_open "$PORT"; then die "port $PORT is already in use by another process"; fi
  if port_open "$CONTROLLER_PORT"; then die "port $CONTROLLER_PORT is already in use by another process"; fi
  write_config
  format_storage
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
  local -a jopts=() heap=()
  read -r -a heap <<<"$HEAP_OPTS"
  read -r -a jopts <<<"${KAFKA_JAVA_OPTS:-}"
  local t0=$SECONDS
  # setsid: own session, so a Ctrl-C or a killed caller does not take the broker down.
  # Close fds 8/9 (locks) and detach stdio so callers reading our output do not hang.
  setsid "$JAVA" -server "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true -Dkafka.logs.dir="$STATE_DIR" \
      -Dlog4j2.configurationFile="$STATE_DIR/log4j2.properties" \
      "${jopts[@]}" -cp "$LIBS/*" kafka.Kafka "$PROPS" \
      </dev/null >"$LOG_FILE" 2>&1 8>&- 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  say "started kafka $KAFKA_VERSION (pid $pid), waiting for 127.0.0.1:$PORT"
  if ! wait_ready "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    exit 1
  fi
  say "ready on 127.0.0.1:$PORT after $((SECONDS - t0)) s (state in $STATE_DIR)"
  exec 9>&-
}

do_stop() {
  local pid
  if ! pid="$(broker_pid)"; then rm -f "$PID_FILE"; say "not running"; return 0; fi
  say "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 30 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$PID_FILE"
  say "stopped"
}

do_clean() {
  do_stop
  rm -rf "$STATE_DIR"
  rm -f "$LOCK_FILE"
  say "removed $STATE_DIR"
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  fetch) do_fetch ;;
  start) do_start ;;
  stop) do_stop ;;
  restart) do_stop; do_start ;;
  clean) do_clean ;;
  status)
    if pid="$(broker_pid)"; then echo "running (pid $pid, kafka $KAFKA_VERSION, 127.0.0.1:$PORT)"; exit 0; fi
    echo "not running"; exit 1 ;;
  classpath) do_fetch; classpath ;;
  log) tail -n "${1:-100}" "$LOG_FILE" ;;
  tool) run_tool "$@" ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | grep -v '^set -euo' | sed 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
