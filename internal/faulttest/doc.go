// Package faulttest holds the fault-injection suite: the worker binary
// against a real Apache Kafka 4.x broker under broker outages, rebalances,
// a broken or slow downstream. Each test prints its figures (items, kills,
// restarts, missing, duplicates, peak RSS) and has the auditor of
// `newsworker audit` (through kafkatest.Audit) judge what is missing. It
// provides no code to other packages.
package faulttest
