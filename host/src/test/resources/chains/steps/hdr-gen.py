def transform(msg, ctx):
    msg.headers.set('a', 'x')
    msg.headers.remove('gone')
    msg.topic = 'routed'
    msg.key = msg.key + '!'
    msg.timestamp = 42
    return msg
