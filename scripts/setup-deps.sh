#!/usr/bin/env bash
# Installs greenmine's dependencies from Debian 12's packages — only those
# missing, so a second run is quick and silent.
#   scripts/setup-deps.sh          what building and running need
#   scripts/setup-deps.sh --test   also what the test suite needs
set -euo pipefail

# poppler-data: the CMaps of Chinese fonts that text PDFs name without
# embedding them (Adobe-GB1, e.g. STSong-Light); without it poppler reads no
# text from such a PDF. It is only a Recommends of libpoppler, which
# --no-install-recommends leaves out.
run_pkgs=(
  build-essential cmake pkg-config
  libpodofo-dev poppler-data libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-osd
  libicu-dev libxlsxwriter-dev libgmime-3.0-dev libarchive-dev libpoppler-cpp-dev
  libxml2-dev libsqlite3-dev libssl-dev nlohmann-json3-dev libjbig2dec0-dev
  libjpeg-dev libpng-dev libtiff-dev zlib1g-dev
  python3 python3-pil python3-reportlab python3-openpyxl python3-docx
  fonts-wqy-zenhei fonts-wqy-microhei fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk
)
test_pkgs=(
  libgtest-dev googletest libtiff-dev clang libclang-rt-14-dev poppler-utils libreoffice-calc-nogui
)

pkgs=("${run_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then pkgs+=("${test_pkgs[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
