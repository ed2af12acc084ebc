/* Why a channel of the contact block cannot work: phone numbers against the numbering
 * plan, e-mail addresses, postal codes. Each reason names the wrong part and the shape due. */
#ifndef NL_CONTACT_FAULT_H
#define NL_CONTACT_FAULT_H
#include <stdbool.h>
#include "facts.h"

/* What a phone number is, once read against the numbering plan. */
enum phone_shape {
	PHONE_LANDLINE,   /* area code (maybe absent) and a 7–8 digit local number */
	PHONE_MOBILE,     /* 11 digits, 1[3-9]… */
	PHONE_SERVICE,    /* a short service number: 12xxx, 11x, 95xxx, 400/800 */
	PHONE_BROKEN      /* none of these: see contact_phone_fault */
};

/* The reason, in both languages. */
struct contact_fault {
	char zh[256];
	char en[256];
};

/* The shape of phone channel ch of text. */
enum phone_shape contact_phone_shape(const char *text, const struct channel_fact *ch);
/* True when phone ch cannot be dialled as written; *out says why. */
bool contact_phone_fault(const char *text, const struct channel_fact *ch,
		struct contact_fault *out);
/* True when e-mail ch cannot receive mail as written; *out says why. */
bool contact_mail_fault(const char *text, const struct channel_fact *ch,
		struct contact_fault *out);
/* True when web address ch cannot be opened as written (scheme, space, full-width
 * characters, no dot, bad labels in its host); *out says why. Site names pass. */
bool contact_web_fault(const char *text, const struct channel_fact *ch,
		struct contact_fault *out);
/* True when postal address ch is missing after its label or names no place; *out says why. */
bool contact_address_fault(const char *text, const struct channel_fact *ch,
		struct contact_fault *out);
/* True when postal code ch is not six digits; *out says why. */
bool contact_postcode_fault(const char *text, const struct channel_fact *ch,
		struct contact_fault *out);

#endif
