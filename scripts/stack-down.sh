#!/usr/bin/env bash
# Stops the local Postgres, Redis and mail catcher that scripts/stack.sh started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stack.sh
stack_down
