"""What the AWS CLI v2 itself sees in config/credentials file pairs.

Uses the botocore that ships inside Debian's awscli package, exactly as Session.full_config
does: load_config on the config file, then raw_config_parse on the credentials file merged in.
Reads a JSON list of {"config": path, "credentials": path} on stdin, prints a JSON list of
{"profiles": {name: {key: value}}} or {"error": "config"|"credentials"}.
"""
import json
import sys

sys.path.insert(0, '/usr/lib/python3/dist-packages')
from awscli.botocore import configloader  # noqa: E402


def load(fn, path, which):
    # awscli aliases its vendored botocore, so match the exceptions by name.
    try:
        return fn(path), None
    except Exception as e:  # noqa: BLE001
        if type(e).__name__ == 'ConfigNotFound':
            return {}, None
        if type(e).__name__ == 'ConfigParseError':
            return None, {'error': which}
        raise


def view(case):
    config, err = load(configloader.load_config, case['config'], 'config')
    if err:
        return err
    profiles = config.get('profiles', {})
    creds, err = load(configloader.raw_config_parse, case['credentials'], 'credentials')
    if err:
        return err
    for name, values in creds.items():
        profiles.setdefault(name, {}).update(values)
    return {'profiles': profiles}


print(json.dumps([view(c) for c in json.load(sys.stdin)]))
