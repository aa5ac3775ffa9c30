#!/usr/bin/env bash
# Every measurement in one go (about 12 minutes on 2 cores); not part of ./mvnw verify.
# Needs: wrk, mysqltuner (apt-get install wrk mysqltuner), root for the throw-away MariaDB.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests package
java -cp target/classes bench/PlanBench.java | tee bench/results/plan-inprocess.txt
bash bench/http.sh 10
bash bench/live-speed.sh
bash bench/soak.sh 60
bash bench/accuracy.sh
echo "results in bench/results/"
