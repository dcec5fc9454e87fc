"""Policy rules: what notes and flags must say, and how (see ``flagsite rules``).

Import ``flagsite.policy.engine`` to run them and ``flagsite.policy.registry``
to list them; this package module stays empty so that configuration can
import the settings model without loading the rules' checks.
"""
