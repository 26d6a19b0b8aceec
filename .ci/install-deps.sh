#!/bin/sh
# Installs the Debian packages (and, for tests, the PyPI tools) Waymark needs, only when missing.
#   sh .ci/install-deps.sh build   libraries waymark links against
#   sh .ci/install-deps.sh test    plus the real decoders, checkers and browser the tests run
#   sh .ci/install-deps.sh bench   plus the reference tools the benchmarks compare against
set -eu
mode=${1:-build}

build_packages="pkg-config libjemalloc-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev libpng-dev libxml2-dev libsqlite3-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-noto-cjk fonts-symbola"
test_packages="zbar-tools librsvg2-bin qpdf poppler-utils python3-pip chromium"
bench_packages="wrk nginx-light hugo gcc goaccess"
python_packages="zxing-cpp pillow duckdb"
[ "$mode" = bench ] && python_packages="$python_packages segno"

packages=$build_packages
[ "$mode" = test ] && packages="$packages $test_packages"
[ "$mode" = bench ] && packages="$packages $test_packages $bench_packages"

missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "waymark needs these Debian packages:$missing" >&2
        echo "run as root: apt-get install -y$missing" >&2
        exit 1
    fi
    echo "installing:$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ "$mode" != build ]; then
    for package in $python_packages; do
        case $package in
            zxing-cpp) module=zxingcpp ;;
            pillow) module=PIL ;;
            *) module=$(echo "$package" | tr '-' '_') ;;
        esac
        python3 -c "import $module" 2>/dev/null && continue
        echo "installing $package (PyPI)"
        python3 -m pip install --quiet "$package" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "$package"
    done
fi
