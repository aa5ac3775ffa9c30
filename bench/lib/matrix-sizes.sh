# The accuracy matrix's workload sizes (bench/lib/workloads.sh reads them; terms.sh and
# projection-terms.sh keep its larger defaults): cheaper than the defaults so that the whole matrix
# fits 20 minutes on 2 cores (bench/README.md, "Where the time goes"). Sourced by bench/matrix.sh
# and by bench/calibrate-projection.py, which re-projects the matrix's rows with the same packet.
export BENCH_STATEMENT_BYTES=4194304 BENCH_RESULT_BYTES=8000000 BENCH_PACKET=8M BENCH_TABLES_PER_STATEMENT=40 BENCH_JOIN_IDS=2000
