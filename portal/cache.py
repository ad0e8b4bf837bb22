"""Django's Redis cache, with one client per connection pool instead of one per call.

Django builds a new ``redis.Redis`` for every cache operation; building it costs
about as much as the round trip itself (its response-callback table is rebuilt
each time). A page served from the page cache is one round trip, so this halves
it. ``redis.Redis`` is thread-safe over its pool, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class PortalRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingClient
