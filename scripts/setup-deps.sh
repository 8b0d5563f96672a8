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

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The careful OCR model: tessdata's main chi_sim (the larger LSTM, 2.5 times
# slower than Debian's fast model), for a second reading of names and of
# doubtful prose and amounts (templates/form_second_look.tsv). It comes in the npm package
# @tesseract.js-data/chi_sim, pinned here by the package file's SHA-256;
# greenmine looks for it in CAREFUL_DIR and runs without it when it is not
# there. Nothing is downloaded when greenmine runs.
CAREFUL_DIR=/usr/local/share/greenmine/tessdata-careful
CAREFUL_PACKAGE=@tesseract.js-data/chi_sim@1.0.0
CAREFUL_SHA256=850d4a217c87808ef765385cbe5825f4ae99047a49b17e024069ceb663f01c33
if [[ ! -s "$CAREFUL_DIR/chi_sim.traineddata" ]]; then
  if ! command -v npm >/dev/null; then
    echo "setup: npm is missing: the careful OCR model is not installed (greenmine runs without it)" >&2
  else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    echo "setup: installing the careful OCR model from $CAREFUL_PACKAGE" >&2
    (cd "$tmp" && npm pack --silent "$CAREFUL_PACKAGE" >/dev/null)
    tgz=$(ls "$tmp"/*.tgz)
    echo "$CAREFUL_SHA256  $tgz" | sha256sum -c --quiet - || {
      echo "setup: $CAREFUL_PACKAGE does not have the pinned checksum; not installed" >&2
      exit 1
    }
    tar -xzf "$tgz" -C "$tmp" package/4.0.0/chi_sim.traineddata.gz
    gunzip "$tmp/package/4.0.0/chi_sim.traineddata.gz"
    # The model's own config sets Tesseract's page-layout parameters for CJK
    # (textord_*, edges_*), which are process-wide: loaded beside Debian's
    # model it would change how every other page is laid out. It gets
    # Debian's config instead; only its LSTM is used.
    printf 'preserve_interword_spaces 1\n' > "$tmp/chi_sim.config"
    combine_tessdata -o "$tmp/package/4.0.0/chi_sim.traineddata" "$tmp/chi_sim.config" >/dev/null 2>&1
    $SUDO install -D -m 0644 "$tmp/package/4.0.0/chi_sim.traineddata" "$CAREFUL_DIR/chi_sim.traineddata"
  fi
fi
