package cn.anwang.identity.security;

import cn.anwang.identity.Role;
import cn.anwang.identity.token.BearerTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the JSON API under {@code /api/**} (HTTP Basic, a personal bearer token on
 * {@code /api/v1/**}, or an existing page session; no CSRF, problem responses instead of redirects)
 * and the pages (form log-in, CSRF, log-out). Both share one authentication manager, so failed
 * log-ins count towards lock-out on either path.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String[] PUBLIC_PATHS = {
    "/actuator/health",
    "/actuator/health/**",
    "/login",
    "/css/**",
    "/js/**",
    "/webjars/**",
    // the phone pages' service worker, scripts and manifest (no data in them): the worker must be
    // able to update, and the manifest is fetched without cookies
    "/m/sw.js",
    "/m/js/**",
    "/m/m.css",
    "/m/manifest.json",
    "/m/icon.svg",
    "/favicon.ico",
    "/error",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**"
  };

  /** Delegating: bcrypt today, and old hashes keep working (and are upgraded) when it changes. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
    return new DefaultAuthenticationEventPublisher(publisher);
  }

  @Bean
  AuthenticationManager authenticationManager(
      AccountDetailsService accounts,
      PasswordEncoder passwordEncoder,
      AuthenticationEventPublisher events,
      LoginProtectionProperties properties) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(passwordEncoder);
    provider.setUserDetailsPasswordService(accounts);
    VerifiedCredentials verified =
        new VerifiedCredentials(
            properties.verifiedCredentialsLifetime(), 10_000, java.time.Clock.systemUTC());
    ProviderManager manager =
        new ProviderManager(new CachingAuthenticationProvider(provider, accounts, verified));
    manager.setAuthenticationEventPublisher(events);
    return manager;
  }

  /**
   * The public's pages and Open311 (the publicreport module): no log-in, no session (so a flood of
   * visitors creates no session rows), CSRF by a double-submit cookie on the web form, none on
   * Open311, whose partner apps post form-encoded bodies with an api_key instead.
   */
  @Bean
  @Order(0)
  SecurityFilterChain publicSecurity(HttpSecurity http, LoginProtectionProperties properties)
      throws Exception {
    http.securityMatcher(PUBLIC_REPORT_PATHS)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                    .ignoringRequestMatchers("/open311/**"));
    headers(http, properties);
    return http.build();
  }

  /** Paths served to the public without log-in by the publicreport module. */
  static final String[] PUBLIC_REPORT_PATHS = {"/report", "/report/**", "/open311/**"};

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      LoginProtectionProperties properties,
      JdbcClient jdbc,
      BearerTokens bearerTokens)
      throws Exception {
    ProblemResponses problems = new ProblemResponses();
    http.securityMatcher("/api/**", "/actuator/**")
        .addFilterAfter(new AccountRevalidation(jdbc), SecurityContextHolderFilter.class)
        // personal tokens (identity.token) beside Basic, on /api/v1/** only
        .addFilterBefore(
            new BearerTokenFilter(bearerTokens, problems), BasicAuthenticationFilter.class)
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    // metrics reveal load and internals: operators only
                    .requestMatchers("/actuator/**")
                    .hasRole("CITY_ADMIN")
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.realmName("Anwang").authenticationEntryPoint(problems))
        // Machine callers send no CSRF token; browsers calling with their session cookie are
        // covered by SameSite=Lax session cookies.
        .csrf(csrf -> csrf.disable())
        // Reuse a page session if there is one, but never create one for a Basic caller.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    headers(http, properties);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      LoginProtectionProperties properties,
      JdbcClient jdbc)
      throws Exception {
    ExceptionMappingAuthenticationFailureHandler failures =
        new ExceptionMappingAuthenticationFailureHandler();
    failures.setDefaultFailureUrl("/login?error");
    failures.setExceptionMappings(
        Map.of(
            LockedException.class.getName(), "/login?locked",
            DisabledException.class.getName(), "/login?disabled"));
    http.authenticationManager(authenticationManager)
        .addFilterAfter(new AccountRevalidation(jdbc), SecurityContextHolderFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests.requestMatchers(PUBLIC_PATHS).permitAll().anyRequest().authenticated())
        .formLogin(
            form -> form.loginPage("/login").failureHandler(failures).successHandler(landing()))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
    headers(http, properties);
    return http.build();
  }

  /**
   * After log-in: the page that asked for it, else the officers' phone pages for grid officers (who
   * mostly work on a phone), else the home page.
   */
  static SavedRequestAwareAuthenticationSuccessHandler landing() {
    SavedRequestAwareAuthenticationSuccessHandler handler =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          protected String determineTargetUrl(
              HttpServletRequest request,
              HttpServletResponse response,
              Authentication authentication) {
            boolean officer =
                authentication.getAuthorities().stream()
                    .anyMatch(
                        a ->
                            Role.STREET_OFFICER.authority().equals(a.getAuthority())
                                || Role.VILLAGE_OFFICER.authority().equals(a.getAuthority()));
            return officer
                ? PHONE_HOME
                : super.determineTargetUrl(request, response, authentication);
          }
        };
    handler.setDefaultTargetUrl("/");
    return handler;
  }

  /** Where grid officers land after log-in: the inspection module's phone pages. */
  static final String PHONE_HOME = "/m/";

  private static void headers(HttpSecurity http, LoginProtectionProperties properties)
      throws Exception {
    http.headers(
        headers ->
            headers
                .contentSecurityPolicy(
                    csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(
                    referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
  }
}
