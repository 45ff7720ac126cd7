/**
 * What a delivery receipt costs the packet thread that notes it ({@link io.chatapp.benchmarks.receipts.ReceiptOfferBenchmark}).
 */
package io.chatapp.benchmarks.receipts;
