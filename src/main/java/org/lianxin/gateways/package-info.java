/** What the SMS gateways send and sign (forms, Twilio signatures, message parts): ground. */
package org.lianxin.gateways;
