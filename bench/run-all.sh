#!/usr/bin/env bash
# Every measurement in one go (about 17 minutes on 2 cores: accuracy 7.5, soak 3.7, http 4.5, live 1.1,
# in-process 0.5); not part of ./mvnw verify.
# Needs: wrk, mysqltuner (apt-get install wrk mysqltuner), root for the throw-away MariaDB.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests package
java -cp target/classes bench/PlanBench.java | tee bench/results/plan-inprocess.txt
WARMUP=30 bash bench/http.sh 20
bash bench/live-speed.sh
bash bench/soak.sh 60
bash bench/accuracy.sh
echo "results in bench/results/"
