// Package faulttest holds the fault-injection suite: the worker binary
// against a real Apache Kafka 4.x broker under broker outages, rebalances,
// a broken or slow downstream. Each test prints its figures (items, kills,
// restarts, missing, duplicates, peak RSS) and uses `newsworker audit`'s
// logic (internal/kafkatest.Collect) as its judge. It provides no code to
// other packages.
package faulttest
