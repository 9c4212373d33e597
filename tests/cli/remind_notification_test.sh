#!/usr/bin/env bash
# remind --notify against a real notification daemon (dunst) on a private session bus and a
# private X display (its own Xvfb, so no other test's window is covered): what is posted is read
# back from the bus (dbus-monitor), and each action is chosen through dunst's own context menu (its
# dmenu is a script that picks a line), so the answer travels the same way a click does. Also: no
# answer within the wait (it stays, without buttons, and the process ends saying so), and a session
# bus with no notification service on it. Usage: remind_notification_test.sh NIGHTSTRETCH
set -euo pipefail
binary="$1"
if [ -z "${NS_TEST_PRIVATE_BUS:-}" ]; then
    export NS_TEST_PRIVATE_BUS=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$@"
fi
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for f in "$work"/out*.txt "$work"/err*.txt "$work/offered.txt" "$work/dunst.log"; do
        [ -f "$f" ] && { echo "--- $f:" >&2; cat "$f" >&2; }
    done
    exit 1
}

# dunst's context menu: picks the first line holding the text in pick.txt (dunst runs it, so
# the text goes through a file, not the environment), and keeps what it was offered.
cat >"$work/pick.sh" <<PICK
#!/bin/sh
cat >"$work/offered.txt"
grep -m1 -F -f "$work/pick.txt" "$work/offered.txt"
PICK
chmod +x "$work/pick.sh"
printf '[global]\n    dmenu = %s\n' "$work/pick.sh" >"$work/dunstrc"
dunst -config "$work/dunstrc" >"$work/dunst.log" 2>&1 &
pids+=($!)
dbus-monitor "interface='org.freedesktop.Notifications',member='Notify'" >"$work/bus.txt" 2>&1 &
pids+=($!)
# Until this dunst owns the name (asked without starting one: the bus would otherwise start a
# dunst of its own, without this configuration, for the first call to the name).
owned() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null |
        grep -q "boolean true"
}
for _ in $(seq 300); do owned && break; sleep 0.1; done
owned || { cat "$work/dunst.log"; echo "FAIL: dunst did not start" >&2; exit 1; }

posted() { grep -c 'member=Notify' "$work/bus.txt" || true; }
# Waits until COUNT notifications have been posted and one is on screen (give up after 30 s).
wait_for_notification() {
    for _ in $(seq 300); do
        [ "$(posted)" -ge "$1" ] && [ "$(dunstctl count displayed)" -ge 1 ] && return 0
        sleep 0.1
    done
    fail "no notification number $1 on screen"
}
choose() {
    printf '%s\n' "$1" >"$work/pick.txt"
    dunstctl context
}
ns() { "$binary" --home "$work/home" "$@"; }
# A --notify that should post nothing: one that posts would wait for an answer, so it is ended.
notify_expecting_nothing() {
    timeout 60 "$binary" --home "$work/home" remind --notify >"$1" ||
        fail "remind --notify did not end by itself (did it post?)"
}

ns remind --at 21:45 --routine quick >/dev/null
expected_title="Tonight's stretches: Quick routine, $(( ($(ns plan quick --json |
    sed -n 's/.*"total_seconds": *\([0-9]*\).*/\1/p') + 30) / 60 )) min"

echo "1. Tonight not done: posted with three actions; Skip tonight marks it skipped."
ns remind --notify >"$work/out1.txt" 2>&1 &
notify_pid=$!
wait_for_notification 1
grep -qF "string \"$expected_title\"" "$work/bus.txt" || fail "not posted as '$expected_title'"
for label in "Start" "In 15 minutes" "Skip tonight"; do
    grep -qF "string \"$label\"" "$work/bus.txt" || fail "no action '$label'"
done
choose "Skip tonight"
wait "$notify_pid" || fail "remind --notify failed: $(cat "$work/out1.txt")"
grep -q "marked skipped" "$work/out1.txt" || fail "skip not said: $(cat "$work/out1.txt")"
grep -qx "Showing tonight's reminder; waiting up to 5 minutes for Start." "$work/out1.txt" ||
    fail "the wait was not said"
ns stats --json | grep -q '"state": *"skipped"' || fail "tonight is not skipped"

echo "2. Tonight skipped: nothing posted."
before="$(posted)"
notify_expecting_nothing "$work/out2.txt"
[ "$(posted)" = "$before" ] || fail "posted although tonight is skipped"
grep -q "already skipped" "$work/out2.txt" || fail "$(cat "$work/out2.txt")"

echo "3. In 15 minutes: posted again after the snooze (shortened here)."
rm -rf "$work/home/data"
before="$(posted)"
NIGHTSTRETCH_SNOOZE_SECONDS=1 ns remind --notify >"$work/out3.txt" 2>&1 &
notify_pid=$!
wait_for_notification $((before + 1))
choose "In 15 minutes"
wait_for_notification $((before + 2))
choose "Skip tonight"
wait "$notify_pid" || fail "remind --notify failed: $(cat "$work/out3.txt")"
grep -q "remind you again" "$work/out3.txt" || fail "$(cat "$work/out3.txt")"

echo "4. Tonight done: nothing posted."
rm -rf "$work/home/data"
ns log quick >/dev/null
before="$(posted)"
notify_expecting_nothing "$work/out4.txt"
[ "$(posted)" = "$before" ] || fail "posted although tonight is done"
grep -q "already done" "$work/out4.txt" || fail "$(cat "$work/out4.txt")"

echo "5. No answer within the wait (shortened here): it stays, without its buttons, and ends."
rm -rf "$work/home/data"
before="$(posted)"
NIGHTSTRETCH_REMINDER_WAIT_SECONDS=1 timeout 60 "$binary" --home "$work/home" remind --notify \
    >"$work/out6.txt" 2>&1 || fail "remind --notify did not end by itself after its wait"
grep -qx "Showing tonight's reminder; waiting up to 1 minute for Start." "$work/out6.txt" ||
    fail "the wait was not said"
grep -q "^No answer in 1 minute: the reminder stays on the screen" "$work/out6.txt" ||
    fail "the end of the wait was not said"
[ "$(posted)" -ge $((before + 2)) ] || fail "not shown again without its buttons"
# The last Notify: the same title, the new body, no actions.
last="$(awk '/member=Notify/ { block = "" } { block = block $0 "\n" } END { printf "%s", block }' \
    "$work/bus.txt")"
grep -qF "string \"$expected_title\"" <<<"$last" || fail "the title changed: $last"
grep -qF 'string "Open Nightstretch when you are ready for bed."' <<<"$last" ||
    fail "not the unanswered body: $last"
! grep -qF 'string "Start"' <<<"$last" || fail "its buttons are still there: $last"
for _ in $(seq 300); do [ "$(dunstctl count displayed)" -ge 1 ] && break; sleep 0.1; done
[ "$(dunstctl count displayed)" -ge 1 ] || fail "the reminder did not stay on the screen"
dunstctl close-all

echo "6. A session bus with no notification service on it: our sentence, exit 3."
cat >"$work/bare-bus.conf" <<'CONF'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
# (Only nightstretch's own stderr is kept: that bus's daemon writes its own warnings.)
status=0
timeout 60 dbus-run-session --config-file="$work/bare-bus.conf" -- \
    sh -c 'exec "$@" 2>"$0"' "$work/err7.txt" \
    "$binary" --home "$work/home" remind --notify >"$work/out7.txt" || status=$?
[ "$status" = 3 ] || fail "exit $status, not 3"
grep -qx "nightstretch: The reminder cannot be shown: no notification service answered .*" \
    "$work/err7.txt" || fail "not our sentence"
[ "$(wc -l <"$work/err7.txt")" = 1 ] || fail "more than our sentence"
grep -qxF "$expected_title" "$work/out7.txt" || fail "the reminder was not printed"

echo "7. Start: the same process becomes 'nightstretch start quick' (the window)."
rm -rf "$work/home/data"
before="$(posted)"
ALSOFT_DRIVERS=null "$binary" --home "$work/home" remind --notify >"$work/out5.txt" 2>&1 &
notify_pid=$!
pids+=("$notify_pid")
wait_for_notification $((before + 1))
choose ",start]"
for _ in $(seq 300); do
    tr '\0' ' ' <"/proc/$notify_pid/cmdline" 2>/dev/null | grep -q "start quick" && break
    sleep 0.1
done
tr '\0' ' ' <"/proc/$notify_pid/cmdline" | grep -q " start quick" ||
    fail "Start did not start the routine: $(tr '\0' ' ' <"/proc/$notify_pid/cmdline")"
kill "$notify_pid"
echo "passed"
