package org.lianxin.cases;

/** One of a slip's deliveries: the slip to one address on one channel (email, sms). */
public record SlipDelivery(String slipNo, String channel, String address) {
}
