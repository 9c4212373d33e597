#!/usr/bin/env bash
# Run inside dbus-run-session by bench.py: starts Workrave, opens its exercise player and writes
# the PID of the process that shows it to $BENCH_PID_FILE, then waits until it is stopped.
set -uo pipefail
workrave &
gdbus wait --session --timeout 30 org.workrave.Workrave || { echo "Workrave never took its bus name"; exit 1; }
gdbus call --session --dest org.workrave.Workrave --object-path /org/workrave/Workrave/UI \
    --method org.workrave.ControlInterface.Exercises || exit 1
owner="$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID org.workrave.Workrave)"
pid="$(echo "$owner" | tr -dc '0-9 ' | awk '{print $NF}')"
sleep 1 # the player window maps
echo "$pid" > "$BENCH_PID_FILE"
wait
