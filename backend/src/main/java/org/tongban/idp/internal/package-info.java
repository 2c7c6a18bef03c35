/** Internals of the embedded demo identity provider. */
package org.tongban.idp.internal;
