/**
 * Authentication: the filter chains (form log-in for pages, HTTP Basic for the API), lock-out after
 * repeated failures, the principal that carries the caller's role and scope, and the {@link
 * cn.anwang.identity.CurrentActor} that reads it.
 */
package cn.anwang.identity.security;
