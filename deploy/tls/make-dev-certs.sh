#!/usr/bin/env bash
# Development certificates for docker-compose.tls.yml (see README.md next to this script): one
# throwaway CA and one server certificate per compose host name, as PEM files under certs/.
#
#   deploy/tls/make-dev-certs.sh            create what is missing, keep what is still good
#   deploy/tls/make-dev-certs.sh --force    start over with a new CA (clients must trust it again)
#
# Idempotent: an existing CA is kept, and a host's certificate is kept while it is signed by that CA,
# names the host and has more than 30 days left; anything else is issued again. Needs only openssl.
#
# Layout (certs/ is git-ignored; private keys never leave this machine):
#   certs/ca/ca.key, ca.crt   the CA; its key is never mounted into a container
#   certs/trust/ca.crt        the CA certificate alone, for containers that only verify (prometheus, kafka-init)
#   certs/<host>/tls.crt      the host's certificate (SAN: <host>, localhost, 127.0.0.1)
#   certs/<host>/tls.key      its private key (PKCS#8, unencrypted)
#   certs/<host>/tls.pem      key and certificate in one file (mongod --tlsCertificateKeyFile, Kafka PEM keystore)
#   certs/<host>/ca.crt       the CA certificate, so one directory mount gives a container all it needs
#
# Development only: each container reads its key as a different user (mongodb 999, kafka 1000,
# the services 10001), so keys are world-readable inside certs/, and certs/ itself is 0700 to keep
# other users of this machine out. For anything else, bring your own certificates (README.md).
set -euo pipefail

HOSTS=(kafka mongodb authorization-server intake-service treatment-service outcomes-service fhir-facade web-app)
CA_DAYS=3650
# Below the 398 days that browsers and macOS accept for a server certificate.
CERT_DAYS=397
RENEW_SECONDS=$((30 * 24 * 3600))

cd "$(dirname "$0")"
OUT="${FOOTDROP_TLS_DIR:-certs}"

command -v openssl >/dev/null 2>&1 || { echo "make-dev-certs.sh needs openssl on the PATH" >&2; exit 1; }

if [[ "${1:-}" == "--force" ]]; then
  # Only what this script makes, whatever FOOTDROP_TLS_DIR points at.
  rm -rf "${OUT:?}/ca" "$OUT/trust"
  for host in "${HOSTS[@]}"; do rm -rf "${OUT:?}/$host"; done
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--force]" >&2
  exit 2
fi

umask 077
mkdir -p "$OUT/ca"
chmod 700 "$OUT" "$OUT/ca"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [[ ! -s "$OUT/ca/ca.key" || ! -s "$OUT/ca/ca.crt" ]]; then
  echo "== new development CA"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$OUT/ca/ca.key" 2>/dev/null
  cat > "$WORK/ca.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
x509_extensions = ca
[dn]
CN = Foot Drop Outcomes development CA
[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
  openssl req -x509 -new -key "$OUT/ca/ca.key" -sha256 -days "$CA_DAYS" -config "$WORK/ca.cnf" -out "$OUT/ca/ca.crt"
  # A new CA invalidates every certificate it did not sign.
  for host in "${HOSTS[@]}"; do rm -f "$OUT/$host/tls.crt"; done
fi
chmod 600 "$OUT/ca/ca.key"
chmod 644 "$OUT/ca/ca.crt"

# Directories and public files readable by the containers' users (see the header).
install_public() { # source destination
  mkdir -p "$(dirname "$2")"
  chmod 755 "$(dirname "$2")"
  cp "$1" "$2"
  chmod 644 "$2"
}

install_public "$OUT/ca/ca.crt" "$OUT/trust/ca.crt"

still_good() { # host
  local dir="$OUT/$1"
  [[ -s "$dir/tls.crt" && -s "$dir/tls.key" && -s "$dir/tls.pem" ]] || return 1
  openssl verify -CAfile "$OUT/ca/ca.crt" "$dir/tls.crt" >/dev/null 2>&1 || return 1
  openssl x509 -in "$dir/tls.crt" -noout -checkend "$RENEW_SECONDS" >/dev/null 2>&1 || return 1
  openssl x509 -in "$dir/tls.crt" -noout -text | grep -Eq "DNS:$1(,|\$)" || return 1
  # the key belongs to the certificate
  [[ "$(openssl x509 -in "$dir/tls.crt" -noout -pubkey)" == "$(openssl pkey -in "$dir/tls.key" -pubout)" ]]
}

for host in "${HOSTS[@]}"; do
  dir="$OUT/$host"
  mkdir -p "$dir"
  chmod 755 "$dir"
  if still_good "$host"; then
    echo "-- $host: kept"
  else
    echo "-- $host: issued"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/tls.key" 2>/dev/null
    openssl req -new -key "$WORK/tls.key" -subj "/CN=$host" -out "$WORK/tls.csr"
    cat > "$WORK/leaf.cnf" <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:$host, DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
    openssl x509 -req -in "$WORK/tls.csr" -CA "$OUT/ca/ca.crt" -CAkey "$OUT/ca/ca.key" \
      -set_serial "0x$(openssl rand -hex 16)" -sha256 -days "$CERT_DAYS" -extfile "$WORK/leaf.cnf" \
      -out "$WORK/tls.crt" 2>/dev/null
    cat "$WORK/tls.key" "$WORK/tls.crt" > "$WORK/tls.pem"
    for file in tls.key tls.crt tls.pem; do
      install_public "$WORK/$file" "$dir/$file"
    done
  fi
  install_public "$OUT/ca/ca.crt" "$dir/ca.crt"
done

echo "Certificates in $(cd "$OUT" && pwd); trust $(cd "$OUT" && pwd)/trust/ca.crt on the host (README.md)."
