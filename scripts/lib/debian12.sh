# A minimal Debian 12 (debootstrap --variant=minbase) to run things in, for scripts/test-fresh and
# scripts/test-package: sourced, not run. Needs root and the right to mount. The bootstrapped base
# is kept as a tarball in NS_DEBIAN_CACHE (default ~/.cache/nightstretch), so a second use skips
# debootstrap; the Debian mirror is the one this system's apt uses (or NS_DEBIAN_MIRROR).

debian12_cache="${NS_DEBIAN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nightstretch}"

# The Debian mirror this system's apt already uses (deb822 .sources or the one-line list).
debian12_mirror() {
    if [ -n "${NS_DEBIAN_MIRROR:-}" ]; then
        echo "$NS_DEBIAN_MIRROR"
        return 0
    fi
    local file
    {
        for file in /etc/apt/sources.list.d/*.sources; do
            [ -f "$file" ] || continue
            awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' \
                "$file"
        done
        [ -f /etc/apt/sources.list ] &&
            awk '$1 == "deb" { for (i = 2; i <= NF; i++)
                    if ($i ~ /^https?:/ && $i ~ /\/debian\/?$/) { print $i; exit } }' \
                /etc/apt/sources.list
    } | head -1
    return 0
}

# Succeeds when this process may make a chroot: root, and allowed to mount (a container may not).
debian12_can_chroot() {
    [ "$(id -u)" -eq 0 ] || return 1
    local probe
    probe="$(mktemp -d)"
    if mount -t tmpfs probe "$probe" 2>/dev/null; then
        umount "$probe"
        rmdir "$probe"
        return 0
    fi
    rmdir "$probe"
    return 1
}

# debian12_make DIR: a fresh minimal Debian 12 in DIR (which must not exist or be empty), with
# this system's DNS and mirror, /proc, /dev (and /dev/pts, /dev/shm) mounted. Undo with
# debian12_unmount DIR before removing it.
debian12_make() {
    local dir="$1" mirror tarball
    mirror="$(debian12_mirror)"
    if [ -z "$mirror" ]; then
        echo "no Debian mirror in apt's sources here; set NS_DEBIAN_MIRROR to one" >&2
        return 1
    fi
    tarball="$debian12_cache/debian12-minbase.tar"
    if [ ! -f "$tarball" ]; then
        mkdir -p "$debian12_cache"
        local bootstrap="$dir.bootstrap"
        debootstrap --variant=minbase bookworm "$bootstrap" "$mirror" >"$dir.debootstrap.log" 2>&1 ||
            { tail -20 "$dir.debootstrap.log" >&2; echo "debootstrap failed" >&2; return 1; }
        rm -rf "$bootstrap/var/cache/apt/archives"/*.deb
        tar -C "$bootstrap" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
        rm -rf "$bootstrap" "$dir.debootstrap.log"
    fi
    mkdir -p "$dir"
    tar -C "$dir" -xf "$tarball"
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    echo "deb $mirror bookworm main" >"$dir/etc/apt/sources.list"
    mount -t proc proc "$dir/proc"
    mount --rbind /dev "$dir/dev"
    mount --make-rslave "$dir/dev"
}

debian12_unmount() {
    local dir="$1"
    mountpoint -q "$dir/proc" 2>/dev/null && umount -l "$dir/proc"
    mountpoint -q "$dir/dev" 2>/dev/null && umount -R -l "$dir/dev"
    return 0
}

# debian12_run DIR COMMAND...: COMMAND in the chroot, as root, with a clean environment.
debian12_run() {
    local dir="$1"
    shift
    chroot "$dir" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
