"""Policy rules: what notes and flags must say, and how (see ``flagsite rules``).

Import ``flagsite.policy.engine`` to run them. The catalogue of the rules
(``flagsite.rules``) and the ``policy:`` settings (``flagsite.rule_settings``)
stand below the configuration, which checks rule names against the catalogue;
this package, which reads the configuration, stands above it.
"""
